//! A small fault-injecting IMAP proxy on loopback, in front of Dovecot's
//! plain IMAP port (loopback counts as secure there, so LOGIN works without
//! TLS). It passes bytes both ways, reading the server's side line by line
//! with its literals, and where a fault is planned it cuts the connection
//! in the middle of a FETCH response's message literal, cuts it when new
//! mail is announced during IDLE, answers a command with `* BYE`, or
//! answers chosen commands (UID MOVE, UID COPY, CREATE) with the server's
//! kind of `NO` for as long as a test wants. It counts the commands it
//! sees by name.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the proxy is to do; counts are used up as faults are injected.
#[derive(Debug, Default, Clone)]
pub struct Plan {
    /// The next this many FETCH responses carrying a message are cut
    /// halfway through the message.
    pub cut_mid_fetch: usize,
    /// The next this many new-mail announcements (`* N EXISTS`) during
    /// IDLE are not passed on: the connection is cut instead.
    pub cut_mid_idle: usize,
    /// Client commands (counted over all connections from 1) answered with
    /// `* BYE` and a closed connection instead of reaching the server.
    pub bye_at_commands: Vec<usize>,
    /// Commands answered `NO` in the server's place while listed.
    pub refuse: Vec<Refuse>,
}

/// A command to answer with `NO` instead of passing it on.
#[derive(Debug, Clone)]
pub struct Refuse {
    /// The command's name, as [`command_name`] gives it (`UID MOVE`,
    /// `UID COPY`, `CREATE`).
    pub command: &'static str,
    /// Only when the rest of the line contains this (a folder name, a
    /// comma of a UID set of several messages).
    pub containing: Option<String>,
    /// What follows `NO` in the answer.
    pub answer: String,
}

/// A running proxy; stops accepting when dropped.
pub struct ImapProxy {
    /// The port the daemon connects to.
    pub port: u16,
    plan: Arc<Mutex<Plan>>,
    log: Arc<Mutex<Vec<&'static str>>>,
    commands: Arc<AtomicUsize>,
    by_name: Arc<Mutex<BTreeMap<String, usize>>>,
    stop: Arc<AtomicBool>,
    /// Whether the latest connection is in IDLE (between the client's
    /// IDLE and its DONE, while the connection lasts).
    idling: Arc<Mutex<Arc<AtomicBool>>>,
}

/// The name of the command on a client's line: `UID MOVE`, `CREATE`,
/// `IDLE` (upper case; `DONE` for the end of an IDLE).
pub fn command_name(line: &str) -> String {
    let mut words = line.split_whitespace().skip(1);
    match words.next().map(str::to_ascii_uppercase) {
        Some(uid) if uid == "UID" => {
            format!("UID {}", words.next().unwrap_or("").to_ascii_uppercase())
        }
        Some(name) => name,
        None => String::new(),
    }
}

impl ImapProxy {
    /// Listens on `127.0.0.1:port` and relays to `127.0.0.1:upstream`.
    pub fn start(port: u16, upstream: u16, plan: Plan) -> ImapProxy {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .unwrap_or_else(|e| panic!("imap proxy cannot listen on {port}: {e}"));
        listener.set_nonblocking(true).unwrap();
        let proxy = ImapProxy {
            port,
            plan: Arc::new(Mutex::new(plan)),
            log: Arc::new(Mutex::new(Vec::new())),
            commands: Arc::new(AtomicUsize::new(0)),
            by_name: Arc::new(Mutex::new(BTreeMap::new())),
            stop: Arc::new(AtomicBool::new(false)),
            idling: Arc::new(Mutex::new(Arc::new(AtomicBool::new(false)))),
        };
        let (plan, log, commands, by_name, stop, idling) = (
            proxy.plan.clone(),
            proxy.log.clone(),
            proxy.commands.clone(),
            proxy.by_name.clone(),
            proxy.stop.clone(),
            proxy.idling.clone(),
        );
        std::thread::spawn(move || {
            while !stop.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((client, _)) => {
                        client.set_nonblocking(false).unwrap();
                        let (plan, log, commands, by_name) =
                            (plan.clone(), log.clone(), commands.clone(), by_name.clone());
                        let idle = Arc::new(AtomicBool::new(false));
                        *idling.lock().unwrap() = idle.clone();
                        std::thread::spawn(move || {
                            let _ =
                                relay(client, upstream, plan, log, commands, by_name, idle.clone());
                            idle.store(false, Ordering::SeqCst);
                        });
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        });
        proxy
    }

    /// How many faults of `class` were injected (`imap-cut-mid-fetch`,
    /// `imap-cut-mid-idle`, `imap-bye`).
    pub fn count(&self, class: &str) -> usize {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|c| **c == class)
            .count()
    }

    /// Whether the daemon's latest connection waits in IDLE now.
    pub fn idling(&self) -> bool {
        self.idling.lock().unwrap().load(Ordering::SeqCst)
    }

    /// What is still planned.
    pub fn plan(&self) -> Plan {
        self.plan.lock().unwrap().clone()
    }

    /// Client commands seen so far.
    pub fn commands(&self) -> usize {
        self.commands.load(Ordering::SeqCst)
    }

    /// Client commands seen so far, by name ([`command_name`]), refused
    /// ones included.
    pub fn commands_by_name(&self) -> BTreeMap<String, usize> {
        self.by_name.lock().unwrap().clone()
    }

    /// From now on, refuse these commands (an empty list: refuse none).
    pub fn refuse(&self, refuse: Vec<Refuse>) {
        self.plan.lock().unwrap().refuse = refuse;
    }
}

impl Drop for ImapProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

fn close(a: &TcpStream, b: &TcpStream) {
    let _ = a.shutdown(Shutdown::Both);
    let _ = b.shutdown(Shutdown::Both);
}

/// The size of the literal a line announces (`... {123}\r\n`).
fn literal(line: &[u8]) -> Option<usize> {
    let line = line.strip_suffix(b"\r\n")?;
    let line = line.strip_suffix(b"}")?;
    let open = line.iter().rposition(|&b| b == b'{')?;
    std::str::from_utf8(&line[open + 1..]).ok()?.parse().ok()
}

fn relay(
    client: TcpStream,
    upstream: u16,
    plan: Arc<Mutex<Plan>>,
    log: Arc<Mutex<Vec<&'static str>>>,
    commands: Arc<AtomicUsize>,
    by_name: Arc<Mutex<BTreeMap<String, usize>>>,
    idle: Arc<AtomicBool>,
) -> std::io::Result<()> {
    let server = TcpStream::connect(("127.0.0.1", upstream))?;
    // The client's writer is shared: the server's side and an injected BYE
    // both write to it.
    let to_client = Arc::new(Mutex::new(client.try_clone()?));

    // Client -> server, a line (and its literals) at a time.
    {
        let (client, server, to_client) =
            (client.try_clone()?, server.try_clone()?, to_client.clone());
        let (plan, log, idle) = (plan.clone(), log.clone(), idle.clone());
        std::thread::spawn(move || {
            let mut reader = BufReader::new(client.try_clone().unwrap());
            let mut server_out = server.try_clone().unwrap();
            loop {
                let mut line = Vec::new();
                match reader.read_until(b'\n', &mut line) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {}
                }
                let text = String::from_utf8_lossy(&line).to_ascii_uppercase();
                let is_done = text.trim() == "DONE";
                if !is_done {
                    let original = String::from_utf8_lossy(&line).into_owned();
                    let name = command_name(&original);
                    *by_name.lock().unwrap().entry(name.clone()).or_default() += 1;
                    let refusal = plan
                        .lock()
                        .unwrap()
                        .refuse
                        .iter()
                        .find(|r| {
                            r.command == name
                                && r.containing.as_ref().is_none_or(|c| original.contains(c))
                        })
                        .map(|r| r.answer.clone());
                    if let Some(answer) = refusal {
                        log.lock().unwrap().push("imap-refused");
                        let tag = original.split_whitespace().next().unwrap_or("*");
                        commands.fetch_add(1, Ordering::SeqCst);
                        if to_client
                            .lock()
                            .unwrap()
                            .write_all(format!("{tag} NO {answer}\r\n").as_bytes())
                            .is_err()
                        {
                            break;
                        }
                        continue;
                    }
                    let n = commands.fetch_add(1, Ordering::SeqCst) + 1;
                    if plan.lock().unwrap().bye_at_commands.contains(&n) {
                        log.lock().unwrap().push("imap-bye");
                        let _ = to_client
                            .lock()
                            .unwrap()
                            .write_all(b"* BYE Server shutting down (fault injected)\r\n");
                        close(&client, &server);
                        break;
                    }
                }
                if text.split_whitespace().nth(1) == Some("IDLE") {
                    idle.store(true, Ordering::SeqCst);
                }
                if is_done {
                    idle.store(false, Ordering::SeqCst);
                }
                if server_out.write_all(&line).is_err() {
                    break;
                }
            }
            close(&client, &server);
        });
    }

    // Server -> client, a line at a time, literals passed through whole
    // unless a cut is planned.
    let mut reader = BufReader::new(server.try_clone()?);
    loop {
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let text = String::from_utf8_lossy(&line).to_ascii_uppercase();
        if idle.load(Ordering::SeqCst) && text.starts_with("* ") && text.contains(" EXISTS") {
            let cut = {
                let mut plan = plan.lock().unwrap();
                let cut = plan.cut_mid_idle > 0;
                if cut {
                    plan.cut_mid_idle -= 1;
                }
                cut
            };
            if cut {
                log.lock().unwrap().push("imap-cut-mid-idle");
                break;
            }
        }
        let size = literal(&line);
        let mut writer = to_client.lock().unwrap();
        writer.write_all(&line)?;
        if let Some(size) = size {
            let mut body = vec![0; size];
            reader.read_exact(&mut body)?;
            let cut = text.contains(" FETCH ") && size > 200 && {
                let mut plan = plan.lock().unwrap();
                let cut = plan.cut_mid_fetch > 0;
                if cut {
                    plan.cut_mid_fetch -= 1;
                }
                cut
            };
            if cut {
                log.lock().unwrap().push("imap-cut-mid-fetch");
                writer.write_all(&body[..size / 2])?;
                writer.flush()?;
                break;
            }
            writer.write_all(&body)?;
        }
    }
    close(&client, &server);
    Ok(())
}
