//! Email addresses as the wire and comparisons need them. A domain outside
//! ASCII (`klinik-süd.de`) has an ASCII form, its IDNA A-label (RFC 5890:
//! `xn--klinik-sd-x9a.de`), that every server takes without SMTPUTF8, and
//! a doctor's client may write either form in its `From`; a local part
//! outside ASCII (`dr.müller@`) has no such form and needs SMTPUTF8.

use std::borrow::Cow;

/// `address` with its domain in ASCII form when the domain is not ASCII
/// and has one; `address` unchanged otherwise (ASCII already, no `@`, or a
/// domain IDNA refuses, which the server will then refuse in its words).
pub fn ascii_domain(address: &str) -> Cow<'_, str> {
    match address.rsplit_once('@') {
        Some((local, domain)) if !domain.is_ascii() => match idna::domain_to_ascii(domain) {
            Ok(ascii) => Cow::Owned(format!("{local}@{ascii}")),
            Err(_) => Cow::Borrowed(address),
        },
        _ => Cow::Borrowed(address),
    }
}

/// `address` with an ASCII-form domain written back in Unicode (the other
/// spelling a recipient list may hold), or `None` when it has no `xn--`
/// label or decodes to itself.
pub fn unicode_domain(address: &str) -> Option<String> {
    let (local, domain) = address.rsplit_once('@')?;
    if !domain.to_ascii_lowercase().contains("xn--") {
        return None;
    }
    let (unicode, decoded) = idna::domain_to_unicode(domain);
    (decoded.is_ok() && unicode != domain).then(|| format!("{local}@{unicode}"))
}

/// What two spellings of one address share: lowercase, the domain in
/// ASCII form. `Dr@Klinik-Süd.de` and `dr@xn--klinik-sd-x9a.de` are the
/// same person.
pub fn key(address: &str) -> String {
    ascii_domain(&address.to_lowercase()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_outside_ascii_have_one_key_in_either_spelling() {
        let table = [
            ("dr@nhs.test", "dr@nhs.test"),
            ("Dr.Jones@NHS.test", "dr.jones@nhs.test"),
            ("dr@klinik-süd.de", "dr@xn--klinik-sd-x9a.de"),
            ("Dr@Klinik-Süd.DE", "dr@xn--klinik-sd-x9a.de"),
            ("dr@xn--klinik-sd-x9a.de", "dr@xn--klinik-sd-x9a.de"),
            ("dr.müller@nhs.test", "dr.müller@nhs.test"),
            ("no-at-sign", "no-at-sign"),
        ];
        for (address, expected) in table {
            assert_eq!(key(address), expected, "{address}");
        }
    }

    #[test]
    fn the_ascii_form_decodes_back_and_plain_ascii_has_no_other_spelling() {
        assert_eq!(
            unicode_domain("dr@xn--klinik-sd-x9a.de").as_deref(),
            Some("dr@klinik-süd.de")
        );
        assert_eq!(unicode_domain("dr@nhs.test"), None);
        assert_eq!(unicode_domain("dr@xn--"), None);
        assert_eq!(ascii_domain("dr@nhs.test"), "dr@nhs.test");
        assert_eq!(ascii_domain("dr.müller@nhs.test"), "dr.müller@nhs.test");
    }
}
