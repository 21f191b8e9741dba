//! The daemon's "there is mail to file" to the inbox watcher. It is a flag
//! the watcher takes before it waits, and, while the watcher waits in IDLE,
//! a wake-up that ends the wait at once: the connection's reads wait on the
//! socket and on this wake-up together ([`Wake::wait_readable`]), and a
//! wake-up ends the read as a timeout would, so the IDLE is ended with DONE
//! and the watcher goes on to file (without it the filing of
//! processed mail waited until the server said something or the IDLE's
//! wait ran out, 17 s of a run that read 10,000 replies).

use std::io::{ErrorKind, Read, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// A flag with a wake-up for a thread blocked on a socket.
#[derive(Debug)]
pub struct Wake {
    flag: AtomicBool,
    /// One byte is written to `sender` on [`Wake::set`]; `receiver` is
    /// polled beside the socket and drained (both non-blocking).
    sender: Option<UnixStream>,
    receiver: Option<UnixStream>,
}

impl Default for Wake {
    fn default() -> Wake {
        Wake::new()
    }
}

impl Wake {
    /// A flag not set. Without a socket pair (out of file descriptors) it
    /// still works as a flag; an IDLE then ends at its timeout.
    pub fn new() -> Wake {
        let pair = UnixStream::pair().and_then(|(sender, receiver)| {
            sender.set_nonblocking(true)?;
            receiver.set_nonblocking(true)?;
            Ok((sender, receiver))
        });
        let (sender, receiver) = match pair {
            Ok((sender, receiver)) => (Some(sender), Some(receiver)),
            Err(err) => {
                tracing::warn!(error = %err, "inbox: no wake-up socket; an IDLE ends at its timeout");
                (None, None)
            }
        };
        Wake {
            flag: AtomicBool::new(false),
            sender,
            receiver,
        }
    }

    /// Sets the flag and wakes a watcher waiting in IDLE.
    pub fn set(&self) {
        self.flag.store(true, Ordering::SeqCst);
        if let Some(sender) = &self.sender {
            // A full buffer already holds a wake-up: nothing is lost.
            let _ = (&*sender).write(&[1]);
        }
    }

    /// Takes the flag: whether it was set, cleared.
    pub fn take(&self) -> bool {
        self.flag.swap(false, Ordering::SeqCst)
    }

    /// Whether the flag is set (left set).
    pub fn is_set(&self) -> bool {
        self.flag.load(Ordering::SeqCst)
    }

    /// Waits until `socket` has something to read (or is closed), up to
    /// `timeout`; a timeout, or the flag set meanwhile, is an error of kind
    /// `WouldBlock`, as a socket's own read timeout is, which ends an IDLE
    /// (the `imap` crate then sends DONE). The flag is left set for the
    /// watcher to take.
    pub fn wait_readable(&self, socket: RawFd, timeout: Duration) -> std::io::Result<()> {
        let deadline = Instant::now() + timeout;
        loop {
            if self.is_set() {
                return Err(ErrorKind::WouldBlock.into());
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(ErrorKind::WouldBlock.into());
            }
            let mut fds = [
                libc::pollfd {
                    fd: socket,
                    events: libc::POLLIN,
                    revents: 0,
                },
                libc::pollfd {
                    fd: self.receiver.as_ref().map_or(-1, |r| r.as_raw_fd()),
                    events: libc::POLLIN,
                    revents: 0,
                },
            ];
            let millis = libc::c_int::try_from(left.as_millis().max(1)).unwrap_or(libc::c_int::MAX);
            // SAFETY: `fds` is a valid array of two pollfd for the length
            // given, alive for the call; a negative fd is ignored by poll.
            let ready = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, millis) };
            if ready < 0 {
                let err = std::io::Error::last_os_error();
                if err.kind() == ErrorKind::Interrupted {
                    continue;
                }
                return Err(err);
            }
            if fds[1].revents != 0 {
                self.drain();
            }
            if fds[0].revents != 0 {
                return Ok(());
            }
        }
    }

    /// Empties the wake-up socket (its bytes only wake; the flag says).
    fn drain(&self) {
        let Some(receiver) = &self.receiver else {
            return;
        };
        let mut buf = [0u8; 64];
        while let Ok(n) = (&*receiver).read(&mut buf) {
            if n == 0 {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{TcpListener, TcpStream};
    use std::sync::Arc;

    fn connected() -> (TcpStream, TcpStream) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        (client, server)
    }

    #[test]
    fn a_wait_ends_when_the_flag_is_set_from_another_thread() {
        let (client, _server) = connected();
        let wake = Arc::new(Wake::new());
        let setter = {
            let wake = wake.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(50));
                wake.set();
            })
        };
        let began = Instant::now();
        let waited = wake.wait_readable(client.as_raw_fd(), Duration::from_secs(20));
        assert_eq!(waited.unwrap_err().kind(), ErrorKind::WouldBlock);
        assert!(
            began.elapsed() < Duration::from_secs(10),
            "{:?}",
            began.elapsed()
        );
        setter.join().unwrap();
        // Left set for the watcher, then taken once.
        assert!(wake.take());
        assert!(!wake.take());
    }

    #[test]
    fn a_wait_ends_when_the_socket_can_be_read_or_at_its_timeout() {
        let (client, mut server) = connected();
        let wake = Wake::new();
        let timed = wake.wait_readable(client.as_raw_fd(), Duration::from_millis(30));
        assert_eq!(timed.unwrap_err().kind(), ErrorKind::WouldBlock);
        server.write_all(b"* 3 EXISTS\r\n").unwrap();
        wake.wait_readable(client.as_raw_fd(), Duration::from_secs(20))
            .unwrap();
        // A wake-up taken before the wait (stale bytes, flag clear) does
        // not end it.
        wake.set();
        assert!(wake.take());
        let (quiet, _peer) = connected();
        let began = Instant::now();
        let timed = wake.wait_readable(quiet.as_raw_fd(), Duration::from_millis(30));
        assert_eq!(timed.unwrap_err().kind(), ErrorKind::WouldBlock);
        assert!(began.elapsed() >= Duration::from_millis(30));
    }
}
