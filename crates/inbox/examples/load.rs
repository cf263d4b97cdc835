//! Load generator for `scripts/bench-inbox.sh` (a benchmark, not a test): CONNECTIONS keep-alive
//! connections post distinct letters as fast as the service answers, for SECONDS; prints the
//! rate, p50/p99 latency and the receipt numbers acknowledged (to check against the store).
//!
//! `cargo run --profile server -p deputy-inbox --example load -- ADDR SECONDS CONNECTIONS FIRST`

use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

fn letter(n: u64) -> String {
    serde_json::json!({
        "format_version": 1,
        "receipt_code": deputy_model::receipt::code_from_entropy(n),
        "kind": "message",
        "created_at": "2026-11-28T10:00:00+08:00",
        "title": "致 娜仁其其格：小区路灯不亮",
        "payload": {"category": "城乡建设", "consent": true, "content": "小区路灯不亮已有两周，晚上出行很不方便。".repeat(8),
            "deputy_id": "d-0001", "name": "张丽", "phone": "13812345678", "subject": "路灯"}
    })
    .to_string()
}

/// One request on a kept-alive connection; the status.
async fn post(stream: &mut BufReader<TcpStream>, body: &str) -> std::io::Result<u16> {
    let head = format!(
        "POST /submissions HTTP/1.1\r\nHost: inbox\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.get_mut().write_all(head.as_bytes()).await?;
    stream.get_mut().write_all(body.as_bytes()).await?;
    let mut line = String::new();
    stream.read_line(&mut line).await?;
    let status = line.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut length = 0;
    loop {
        line.clear();
        stream.read_line(&mut line).await?;
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut rest = vec![0; length];
    stream.read_exact(&mut rest).await?;
    Ok(status)
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let addr = args.get(1).expect("ADDR").clone();
    let seconds: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(60);
    let connections: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(32);
    let first: u64 = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(0);
    let until = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let tasks: Vec<_> = (0..connections)
        .map(|c| {
            let addr = addr.clone();
            tokio::spawn(async move {
                let (mut latencies, mut acknowledged, mut other) = (Vec::new(), Vec::new(), 0u64);
                let mut n = first + c * 100_000_000;
                let mut stream = None;
                while Instant::now() < until {
                    if stream.is_none() {
                        match TcpStream::connect(&addr).await {
                            Ok(s) => stream = Some(BufReader::new(s)),
                            Err(_) => break,
                        }
                    }
                    // Codes never start with 0 (receipt.rs): an entropy ending in 0 would repeat another's code.
                    n += if (n + 1).is_multiple_of(10) { 2 } else { 1 };
                    let body = letter(n);
                    let t = Instant::now();
                    match post(stream.as_mut().unwrap(), &body).await {
                        Ok(200) => {
                            latencies.push(t.elapsed());
                            acknowledged.push(n);
                        }
                        Ok(_) => other += 1,
                        Err(_) => stream = None,
                    }
                }
                (latencies, acknowledged, other)
            })
        })
        .collect();
    let (mut latencies, mut acknowledged, mut other) = (Vec::new(), Vec::new(), 0);
    for t in tasks {
        let (l, a, o) = t.await.unwrap();
        latencies.extend(l);
        acknowledged.extend(a);
        other += o;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let at =
        |q: f64| latencies.get(((latencies.len() as f64 - 1.0) * q) as usize).map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    println!(
        "{{\"seconds\":{elapsed:.1},\"connections\":{connections},\"acknowledged\":{},\"per_second\":{:.0},\"p50_ms\":{:.2},\"p99_ms\":{:.2},\"other_answers\":{other}}}",
        acknowledged.len(),
        acknowledged.len() as f64 / elapsed,
        at(0.5),
        at(0.99)
    );
    if let Ok(path) = std::env::var("ACKNOWLEDGED_OUT") {
        let text: String =
            acknowledged.iter().map(|n| format!("{}\n", deputy_model::receipt::code_from_entropy(*n))).collect();
        std::fs::write(path, text).unwrap();
    }
}
