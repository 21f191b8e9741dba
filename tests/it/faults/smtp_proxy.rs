//! A small fault-injecting SMTP proxy on loopback. The daemon talks plain
//! SMTP to it; it relays each command to a real Postfix and each reply back,
//! except where a fault is planned: it then answers in the server's place
//! (a 421 greeting, a 451 to MAIL, a 550 to RCPT, a 552 after the data) or
//! cuts the connection (in the middle of DATA, or after the final dot once
//! Postfix has accepted the message, before the daemon hears the reply).
//! It hides PIPELINING, CHUNKING and STARTTLS, so that every command is one
//! line and one reply it can see.

use std::io::{BufRead, BufReader, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the proxy is to do; counts are used up as faults are injected.
#[derive(Debug, Default, Clone)]
pub struct Plan {
    /// The next this many connections are greeted with 421 and closed.
    pub greet_421: usize,
    /// The next this many MAIL commands are answered 451.
    pub mail_451: usize,
    /// Recipients whose local part starts with the prefix are refused at
    /// RCPT with the reply.
    pub refuse_rcpt: Vec<(String, String)>,
    /// The next RCPT commands, whoever they name, are answered with these
    /// replies in turn (one each).
    pub next_rcpt: Vec<String>,
    /// Messages to recipients whose local part starts with the prefix are
    /// answered with the reply after their data (the message goes nowhere).
    pub refuse_data: Vec<(String, String)>,
    /// The next this many messages are cut in the middle of their data.
    pub drop_mid_data: usize,
    /// The next this many messages are cut after the final dot, once
    /// Postfix has accepted them, before the daemon hears so.
    pub drop_after_dot: usize,
}

/// One injected fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Injected {
    /// Which (`smtp-421`, `smtp-451`, `smtp-550`, `smtp-552`,
    /// `smtp-drop-mid-data`, `smtp-drop-after-dot`).
    pub class: &'static str,
    /// The message's recipients, where there was a message.
    pub recipients: Vec<String>,
}

/// A running proxy; stops accepting when dropped.
pub struct SmtpProxy {
    /// The port the daemon connects to.
    pub port: u16,
    plan: Arc<Mutex<Plan>>,
    log: Arc<Mutex<Vec<Injected>>>,
    stop: Arc<AtomicBool>,
}

impl SmtpProxy {
    /// Listens on `127.0.0.1:port` and relays to `127.0.0.1:upstream`.
    pub fn start(port: u16, upstream: u16, plan: Plan) -> SmtpProxy {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .unwrap_or_else(|e| panic!("smtp proxy cannot listen on {port}: {e}"));
        listener.set_nonblocking(true).unwrap();
        let proxy = SmtpProxy {
            port,
            plan: Arc::new(Mutex::new(plan)),
            log: Arc::new(Mutex::new(Vec::new())),
            stop: Arc::new(AtomicBool::new(false)),
        };
        let (plan, log, stop) = (proxy.plan.clone(), proxy.log.clone(), proxy.stop.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((client, _)) => {
                        client.set_nonblocking(false).unwrap();
                        let (plan, log) = (plan.clone(), log.clone());
                        std::thread::spawn(move || {
                            let _ = Session::run(client, upstream, &plan, &log);
                        });
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        });
        proxy
    }

    /// The faults injected so far.
    pub fn injected(&self) -> Vec<Injected> {
        self.log.lock().unwrap().clone()
    }

    /// What is still planned.
    pub fn plan(&self) -> Plan {
        self.plan.lock().unwrap().clone()
    }
}

impl Drop for SmtpProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// One client connection and its upstream.
struct Session {
    client: BufReader<TcpStream>,
    client_out: TcpStream,
    server: BufReader<TcpStream>,
    server_out: TcpStream,
    recipients: Vec<String>,
}

type Io<T> = std::io::Result<T>;

fn take(counter: &mut usize) -> bool {
    if *counter > 0 {
        *counter -= 1;
        true
    } else {
        false
    }
}

fn local_part(address: &str) -> String {
    address.split('@').next().unwrap_or("").to_lowercase()
}

fn matching(rules: &[(String, String)], address: &str) -> Option<String> {
    let local = local_part(address);
    rules
        .iter()
        .find(|(prefix, _)| local.starts_with(prefix.as_str()))
        .map(|(_, reply)| reply.clone())
}

impl Session {
    fn run(
        client: TcpStream,
        upstream: u16,
        plan: &Mutex<Plan>,
        log: &Mutex<Vec<Injected>>,
    ) -> Io<()> {
        client.set_read_timeout(Some(Duration::from_secs(60)))?;
        let record = |class: &'static str, recipients: &[String]| {
            log.lock().unwrap().push(Injected {
                class,
                recipients: recipients.to_vec(),
            })
        };
        if take(&mut plan.lock().unwrap().greet_421) {
            record("smtp-421", &[]);
            (&client).write_all(
                b"421 4.3.2 mx.proxy.test Service not available, closing transmission channel (fault injected)\r\n",
            )?;
            let _ = client.shutdown(Shutdown::Both);
            return Ok(());
        }
        let server = TcpStream::connect(("127.0.0.1", upstream))?;
        server.set_read_timeout(Some(Duration::from_secs(60)))?;
        server.set_nodelay(true)?;
        client.set_nodelay(true)?;
        let mut session = Session {
            client: BufReader::new(client.try_clone()?),
            client_out: client,
            server: BufReader::new(server.try_clone()?),
            server_out: server,
            recipients: Vec::new(),
        };
        let greeting = session.server_reply()?;
        session.client_out.write_all(greeting.as_bytes())?;
        loop {
            let mut line = String::new();
            if session.client.read_line(&mut line)? == 0 {
                session.close();
                return Ok(());
            }
            let verb = line
                .split([' ', '\r', '\n', ':'])
                .next()
                .unwrap_or("")
                .to_ascii_uppercase();
            match verb.as_str() {
                "EHLO" => {
                    session.server_out.write_all(line.as_bytes())?;
                    let reply = session.server_reply()?;
                    session
                        .client_out
                        .write_all(hide_extensions(&reply).as_bytes())?;
                }
                "MAIL" => {
                    session.recipients.clear();
                    if take(&mut plan.lock().unwrap().mail_451) {
                        record("smtp-451", &[]);
                        session.client_out.write_all(
                            b"451 4.3.0 Error: queue file write error, try again later (fault injected)\r\n",
                        )?;
                    } else {
                        session.relay(&line)?;
                    }
                }
                "RCPT" => {
                    let address = between(&line, '<', '>');
                    let refusal = {
                        let mut plan = plan.lock().unwrap();
                        if plan.next_rcpt.is_empty() {
                            matching(&plan.refuse_rcpt, &address)
                        } else {
                            Some(plan.next_rcpt.remove(0))
                        }
                    };
                    match refusal {
                        Some(reply) => {
                            record("smtp-550", std::slice::from_ref(&address));
                            session
                                .client_out
                                .write_all(format!("{reply}\r\n").as_bytes())?;
                        }
                        None => {
                            if session.relay(&line)?.starts_with('2') {
                                session.recipients.push(address);
                            }
                        }
                    }
                }
                "DATA" => {
                    let refusal = {
                        let plan = plan.lock().unwrap();
                        session
                            .recipients
                            .iter()
                            .find_map(|r| matching(&plan.refuse_data, r))
                    };
                    if let Some(reply) = refusal {
                        // Take the data ourselves and refuse it; Postfix
                        // never sees it.
                        session
                            .client_out
                            .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")?;
                        session.read_data()?;
                        record("smtp-552", &session.recipients);
                        session
                            .client_out
                            .write_all(format!("{reply}\r\n").as_bytes())?;
                        session.server_out.write_all(b"RSET\r\n")?;
                        session.server_reply()?;
                        continue;
                    }
                    if !session.relay(&line)?.starts_with("354") {
                        continue;
                    }
                    let data = session.read_data()?;
                    if take(&mut plan.lock().unwrap().drop_mid_data) {
                        // Half the message, then both connections gone:
                        // Postfix discards an unfinished message.
                        record("smtp-drop-mid-data", &session.recipients);
                        let half = data.len() / 2;
                        session.server_out.write_all(&data[..half])?;
                        session.server_out.flush()?;
                        std::thread::sleep(Duration::from_millis(50));
                        session.close();
                        return Ok(());
                    }
                    session.server_out.write_all(&data)?;
                    let reply = session.server_reply()?;
                    if reply.starts_with('2') && take(&mut plan.lock().unwrap().drop_after_dot) {
                        // Postfix has the message; the daemon never hears.
                        record("smtp-drop-after-dot", &session.recipients);
                        session.close();
                        return Ok(());
                    }
                    session.client_out.write_all(reply.as_bytes())?;
                }
                "QUIT" => {
                    session.relay(&line)?;
                    session.close();
                    return Ok(());
                }
                _ => {
                    session.relay(&line)?;
                }
            }
        }
    }

    /// Sends one command upstream and the reply back; returns the reply.
    fn relay(&mut self, line: &str) -> Io<String> {
        self.server_out.write_all(line.as_bytes())?;
        let reply = self.server_reply()?;
        self.client_out.write_all(reply.as_bytes())?;
        Ok(reply)
    }

    /// One (possibly multi-line) reply from the server.
    fn server_reply(&mut self) -> Io<String> {
        let mut reply = String::new();
        for _ in 0..100 {
            let mut line = String::new();
            if self.server.read_line(&mut line)? == 0 {
                return Err(std::io::Error::other("server closed the connection"));
            }
            reply.push_str(&line);
            if line.as_bytes().get(3) != Some(&b'-') {
                return Ok(reply);
            }
        }
        Err(std::io::Error::other("reply of more than 100 lines"))
    }

    /// The message's data up to and including the final dot line.
    fn read_data(&mut self) -> Io<Vec<u8>> {
        let mut data = Vec::new();
        loop {
            let mut line = Vec::new();
            if self.client.read_until(b'\n', &mut line)? == 0 {
                return Err(std::io::Error::other("client closed during DATA"));
            }
            data.extend_from_slice(&line);
            if line == b".\r\n" {
                return Ok(data);
            }
        }
    }

    fn close(&self) {
        let _ = self.client_out.shutdown(Shutdown::Both);
        let _ = self.server_out.shutdown(Shutdown::Both);
    }
}

/// The EHLO reply without the extensions that would hide commands or
/// replies from the proxy.
fn hide_extensions(reply: &str) -> String {
    let lines: Vec<&str> = reply
        .lines()
        .filter(|l| {
            let keyword = l.get(4..).unwrap_or("").to_ascii_uppercase();
            !["PIPELINING", "CHUNKING", "STARTTLS"]
                .iter()
                .any(|k| keyword.starts_with(k))
        })
        .collect();
    let last = lines.len() - 1;
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let separator = if i == last { ' ' } else { '-' };
            format!("{}{}{}\r\n", &l[..3], separator, l.get(4..).unwrap_or(""))
        })
        .collect()
}

fn between(line: &str, open: char, close: char) -> String {
    line.split_once(open)
        .and_then(|(_, rest)| rest.split_once(close))
        .map(|(inside, _)| inside.to_owned())
        .unwrap_or_default()
}
