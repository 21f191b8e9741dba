//! Long lists cut to fit: the HTML and text parts of the report keep every
//! list whole when the whole part fits its limit, else the free-text
//! answers, "other" texts and quality lists share what the rest of the
//! part leaves (water-filling), each saying how many it leaves out and
//! where they are ([`super::Delivery`]).

use super::Delivery;

/// `render` with every list in full when the result fits in `limit`
/// bytes, else with the lists cut to share what the rest leaves.
pub(super) fn fitted(
    limit: usize,
    delivery: &Delivery,
    render: impl Fn(&mut Lists) -> String,
) -> String {
    let mut measure = Lists::measuring(limit, delivery);
    let full = render(&mut measure);
    if full.len() <= limit && !measure.cut {
        return full;
    }
    let demands = measure.demands;
    let skeleton = render(&mut Lists::allotted(vec![0; demands.len()], delivery)).len();
    let allotments = share(&demands, limit.saturating_sub(skeleton));
    render(&mut Lists::allotted(allotments, delivery))
}

/// Splits `available` bytes between lists that want `demands`: lists
/// wanting less than an equal share get what they want, the others an
/// equal share of the rest (water-filling).
fn share(demands: &[usize], available: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..demands.len()).collect();
    order.sort_by_key(|&i| demands[i]);
    let mut allotments = vec![0; demands.len()];
    let mut left = available;
    for (done, &i) in order.iter().enumerate() {
        let equal = left / (demands.len() - done);
        allotments[i] = demands[i].min(equal);
        left -= allotments[i];
    }
    allotments
}

/// The bytes each long list of the HTML (or text) may take, in the order
/// they are rendered, and what they would take whole; and where the data
/// files are, for the notes of cut lists.
pub(super) struct Lists {
    /// Bytes per list in rendering order; `None`: measuring, each list
    /// rendered up to `cap`.
    allotted: Option<std::collections::VecDeque<usize>>,
    /// While measuring, no list is rendered beyond this.
    cap: usize,
    /// While measuring: the bytes each list took (up to `cap`).
    demands: Vec<usize>,
    /// Some list was cut.
    cut: bool,
    /// How the data files travel.
    pub delivery: Delivery,
}

impl Lists {
    pub(super) fn measuring(cap: usize, delivery: &Delivery) -> Lists {
        Lists {
            allotted: None,
            cap,
            demands: Vec::new(),
            cut: false,
            delivery: delivery.clone(),
        }
    }

    pub(super) fn allotted(bytes: Vec<usize>, delivery: &Delivery) -> Lists {
        Lists {
            allotted: Some(bytes.into()),
            cap: 0,
            demands: Vec::new(),
            cut: false,
            delivery: delivery.clone(),
        }
    }

    /// The items rendered as fit in this list's bytes, and how many did
    /// not fit.
    pub(super) fn take<T>(
        &mut self,
        items: &[T],
        render: impl Fn(&T) -> String,
    ) -> (String, usize) {
        let bytes = match &mut self.allotted {
            Some(allotted) => allotted.pop_front().unwrap_or(0),
            None => self.cap,
        };
        let mut out = String::new();
        let mut shown = 0;
        for item in items {
            let one = render(item);
            if out.len() + one.len() > bytes {
                break;
            }
            out.push_str(&one);
            shown += 1;
        }
        if self.allotted.is_none() {
            self.demands.push(out.len());
        }
        let left = items.len() - shown;
        self.cut |= left > 0;
        (out, left)
    }
}
