//! The binary as a station runs it, on loopback: real connections, a stop (SIGTERM) while a
//! request is on its way, and a crash (`kill -9`) under load after which every acknowledged
//! submission is there and readable.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use deputy_intake::test_server::S3Server;
use deputy_model::intake::folder;
use deputy_model::receipt;

struct Inbox {
    child: Child,
    addr: SocketAddr,
}

/// Start the binary on a port of the system's choosing and read the port from its first log
/// line. The config file (read as a station's would be) lifts the per-client limit: every
/// sender here is 127.0.0.1.
fn start(store: &Path) -> Inbox {
    let config = store.with_extension("toml");
    start_on(&store.display().to_string(), &config, &[])
}

/// [`start`] with any store (`s3://…`), its config file at `config`, and environment variables.
fn start_on(store: &str, config: &Path, vars: &[(String, String)]) -> Inbox {
    std::fs::write(config, "allowed_origins = [\"https://renda.example.gov.cn\"]\n[limits]\nper_client_per_minute = 1000000\nper_client_burst = 100000\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_deputy-inbox"))
        .args(["--listen", "127.0.0.1:0", "--config"])
        .arg(config)
        .arg("--store")
        .arg(store)
        .envs(vars.iter().cloned())
        .env("DEPUTY_INBOX_LOG", "info")
        .stdout(Stdio::piped())
        .spawn()
        .expect("the inbox binary starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().expect("a start line").unwrap();
    let log: serde_json::Value = serde_json::from_str(&first).expect("JSON logs");
    let addr = log["fields"]["listen"].as_str().expect("the bound address").parse().unwrap();
    // Keep reading the logs so that the pipe never fills; check each line on the way.
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            assert!(!line.contains("小区路灯"), "a log line carries what people wrote: {line}");
        }
    });
    Inbox { child, addr }
}

fn letter(n: u64) -> String {
    serde_json::json!({
        "format_version": 1,
        "receipt_code": receipt::code_from_entropy(n),
        "kind": "message",
        "created_at": "2026-11-28T10:00:00+08:00",
        "title": "致 娜仁其其格：小区路灯不亮",
        "payload": {"category": "城乡建设", "consent": true, "content": "小区路灯不亮已有两周。", "deputy_id": "d-0001", "subject": "路灯"}
    })
    .to_string()
}

fn request(body: &str) -> String {
    format!(
        "POST /submissions HTTP/1.1\r\nHost: inbox\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// One request on its own connection; the status code, or None if the connection failed.
fn post(addr: SocketAddr, body: &str) -> Option<u16> {
    send(addr, &request(body))
}

fn send(addr: SocketAddr, request: &str) -> Option<u16> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(20))).ok()?;
    stream.write_all(request.as_bytes()).ok()?;
    status(&mut stream)
}

fn healthz(addr: SocketAddr) -> Option<u16> {
    send(addr, "GET /healthz HTTP/1.1\r\nHost: inbox\r\nConnection: close\r\n\r\n")
}

fn status(stream: &mut TcpStream) -> Option<u16> {
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    answer.split(' ').nth(1)?.parse().ok()
}

fn stored(store: &Path, n: u64) -> Option<String> {
    std::fs::read_to_string(store.join(folder::NEW).join(folder::file_name(&receipt::code_from_entropy(n)))).ok()
}

#[test]
fn a_stop_finishes_the_request_in_flight() {
    let dir = tempfile::tempdir().unwrap();
    let mut inbox = start(dir.path());
    assert_eq!(post(inbox.addr, &letter(1)), Some(200));

    // Half a request, then SIGTERM, then the rest: it is answered and stored, then the process ends.
    let text = request(&letter(2));
    let (head, tail) = text.split_at(text.len() - 20);
    let mut stream = TcpStream::connect(inbox.addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    // The shell's built-in kill: no procps needed on a fresh machine.
    let term = Command::new("sh").args(["-c", &format!("kill -TERM {}", inbox.child.id())]).status().unwrap();
    assert!(term.success());
    std::thread::sleep(Duration::from_millis(300));
    stream.write_all(tail.as_bytes()).unwrap();
    assert_eq!(status(&mut stream), Some(200), "the request in flight is finished");
    assert!(stored(dir.path(), 2).is_some());
    let exit = inbox.child.wait().unwrap();
    assert!(exit.success(), "a clean stop: {exit}");
    assert!(post(inbox.addr, &letter(3)).is_none(), "no new connections after the stop");
}

#[test]
fn after_a_crash_under_load_every_acknowledged_submission_is_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut inbox = start(dir.path());
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let senders: Vec<_> = (0..8u64)
        .map(|t| {
            let (acknowledged, stop, addr) = (acknowledged.clone(), stop.clone(), inbox.addr);
            std::thread::spawn(move || {
                let mut n = t * 1_000_000;
                while !stop.load(Ordering::Relaxed) {
                    n += 1;
                    if post(addr, &letter(n)) == Some(200) {
                        acknowledged.lock().unwrap().push(n);
                    }
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(700));
    inbox.child.kill().unwrap(); // SIGKILL: no chance to finish anything
    inbox.child.wait().unwrap();
    stop.store(true, Ordering::Relaxed);
    for s in senders {
        s.join().unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() > 100,
        "submissions were acknowledged at speed before the crash: {}",
        acknowledged.len()
    );

    // Restarted on the same folder: every acknowledged one is whole; the service works on.
    let mut again = start(dir.path());
    for &n in &acknowledged {
        let text = stored(dir.path(), n).unwrap_or_else(|| panic!("acknowledged {n} is missing after the crash"));
        assert_eq!(text, letter(n), "acknowledged {n} is not whole");
    }
    // Nothing half-written in new/: every file there is a complete submission.
    for entry in std::fs::read_dir(dir.path().join(folder::NEW)).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(deputy_model::intake::check(&text).is_ok());
    }
    assert_eq!(post(again.addr, &letter(99_999_999)), Some(200));
    again.child.kill().unwrap();
    again.child.wait().unwrap();
}

#[test]
fn two_instances_share_one_bucket_and_answer_503_while_it_is_down() {
    let mut s3 = S3Server::start();
    let dir = tempfile::tempdir().unwrap();
    let url = s3.url("bayannur");
    let a = start_on(&url, &dir.path().join("a.toml"), &s3.vars());
    let b = start_on(&url, &dir.path().join("b.toml"), &s3.vars());
    // Four senders, each letter sent to one instance and then (a phone retrying through the
    // load balancer) to the other: every one is acknowledged by both and stored once.
    let senders: Vec<_> = (0..4u64)
        .map(|t| {
            let (first, second) = if t % 2 == 0 { (a.addr, b.addr) } else { (b.addr, a.addr) };
            std::thread::spawn(move || {
                // (Numbers ending in 0 would give the same receipt code as another.)
                for n in (t * 1000 + 1..).filter(|n| n % 10 != 0).take(25) {
                    assert_eq!(post(first, &letter(n)), Some(200), "letter {n}");
                    assert_eq!(post(second, &letter(n)), Some(200), "the repeat of letter {n}");
                }
            })
        })
        .collect();
    for s in senders {
        s.join().unwrap();
    }
    let stored = s3.objects("bayannur", folder::NEW);
    assert_eq!(stored.len(), 100, "each letter once");
    for n in [1, 27, 1001, 3027] {
        let name = folder::file_name(&receipt::code_from_entropy(n));
        assert!(stored.contains(&name), "{name}");
        let text = std::fs::read_to_string(s3.bucket_dir().join("bayannur").join(folder::NEW).join(&name)).unwrap();
        assert_eq!(text, letter(n), "as sent");
    }

    // The store goes down: no 2xx, a 503 the outbox retries later; back up, it works again.
    s3.stop();
    for inbox in [&a, &b] {
        assert_eq!(healthz(inbox.addr), Some(503));
        assert_eq!(post(inbox.addr, &letter(9_000_001)), Some(503));
    }
    s3.restart();
    assert_eq!(healthz(a.addr), Some(200));
    assert_eq!(post(b.addr, &letter(9_000_001)), Some(200));
    for mut inbox in [a, b] {
        inbox.child.kill().unwrap();
        inbox.child.wait().unwrap();
    }
}
