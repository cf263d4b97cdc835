//! A real S3-compatible server for tests: `s3s-fs` (crates.io; `scripts/setup.sh` installs
//! it) on a free loopback port, over a temporary folder, with one bucket. Stopped on drop.
//! A test that needs it fails with the install command when it is missing, rather than
//! passing without having tested anything.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const ACCESS_KEY: &str = "deputy-test";
pub const SECRET_KEY: &str = "deputy-test-secret";
pub const BUCKET: &str = "inbox";

pub struct S3Server {
    child: Option<Child>,
    root: tempfile::TempDir,
    port: u16,
}

impl S3Server {
    pub fn start() -> S3Server {
        let root = tempfile::tempdir().expect("a temporary folder");
        std::fs::create_dir(root.path().join(BUCKET)).expect("the bucket's folder");
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let mut server = S3Server { child: None, root, port };
        server.spawn();
        server
    }

    fn spawn(&mut self) {
        let program = std::env::var("DEPUTY_S3S_FS").map(PathBuf::from).unwrap_or_else(|_| "s3s-fs".into());
        let child = Command::new(&program)
            .args(["--host", "127.0.0.1", "--port", &self.port.to_string()])
            .args(["--access-key", ACCESS_KEY, "--secret-key", SECRET_KEY])
            .arg(self.root.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start {}: {e}. Install it with `bash scripts/setup.sh` \
                     (cargo install s3s-fs --version 0.14.1 --features binary)",
                    program.display()
                )
            });
        self.child = Some(child);
        let addr = SocketAddr::from(([127, 0, 0, 1], self.port));
        let started = Instant::now();
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(20), "s3s-fs did not start on {addr}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Stop it (the store is "down"); [`restart`](Self::restart) brings it back on the same
    /// port with the same objects.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn restart(&mut self) {
        self.stop();
        self.spawn();
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// `s3://inbox/{prefix}`.
    pub fn url(&self, prefix: &str) -> String {
        format!("s3://{BUCKET}/{prefix}")
    }

    /// The settings a client needs, as `AWS_*` variables (for `BucketStore::open_with`, or
    /// the environment of a `deputy-inbox` or `deputy-data` process).
    pub fn vars(&self) -> Vec<(String, String)> {
        [
            ("AWS_ENDPOINT_URL", self.endpoint()),
            ("AWS_ACCESS_KEY_ID", ACCESS_KEY.into()),
            ("AWS_SECRET_ACCESS_KEY", SECRET_KEY.into()),
            ("AWS_REGION", "us-east-1".into()),
            ("AWS_ALLOW_HTTP", "true".into()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    /// The folder s3s-fs keeps the bucket's objects in (one file per object, by key).
    pub fn bucket_dir(&self) -> PathBuf {
        self.root.path().join(BUCKET)
    }

    /// The names of the objects under `{prefix}/{sub}/`, sorted (s3s-fs also keeps metadata
    /// files of its own, which are left out).
    pub fn objects(&self, prefix: &str, sub: &str) -> Vec<String> {
        let dir: &Path = &self.bucket_dir().join(prefix).join(sub);
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|entries| {
                entries.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect()
            })
            .unwrap_or_default();
        names.retain(|n| !n.starts_with('.'));
        names.sort();
        names
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        self.stop();
    }
}
