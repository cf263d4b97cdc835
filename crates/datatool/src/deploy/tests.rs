//! `deploy` to a folder and to a real S3-compatible server (s3s-fs on loopback): only what
//! changed goes up, in phases, removals after the switch, rollback, and a stopped deploy.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::Mutex;

use super::*;

const OLD_PKG: &str = "pkg-0123456789abcdef";
const NEW_PKG: &str = "pkg-fedcba9876543210";

fn hidden(_: &str, _: usize) -> indicatif::ProgressBar {
    indicatif::ProgressBar::hidden()
}

fn put(site: &Path, rel: &str, text: &str) {
    let p = site.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

/// A small release: the app's pointers, its hashed code (with a precompressed copy), an entry
/// page and data with the build's manifest.
fn site_v1(site: &Path) {
    put(site, "index.html", &format!("<script src=\"{OLD_PKG}/app.js\"></script>"));
    put(site, "404.html", "v1 404");
    put(site, "sw.js", "// build v1");
    put(site, &format!("{OLD_PKG}/app.js"), "console.log('v1')");
    put(site, &format!("{OLD_PKG}/app.js.gz"), "gz-v1");
    put(site, "direct/deputy/a.html", "<title>代表 a</title>");
    put(site, "data/site.json", "{\"v\":1}");
    put(site, "data/deputies/a.json", "{\"name\":\"甲\"}");
    put(site, "data/deputies/b.json", "{\"name\":\"乙\"}");
    put(site, "data/.manifest", "not published");
}

/// The next release: a deputy changed, one gone, one new; a new build of the code.
fn site_v2(site: &Path) {
    fs::remove_dir_all(site.join(OLD_PKG)).unwrap();
    fs::remove_file(site.join("data/deputies/b.json")).unwrap();
    put(site, "index.html", &format!("<script src=\"{NEW_PKG}/app.js\"></script>"));
    put(site, "sw.js", "// build v2");
    put(site, &format!("{NEW_PKG}/app.js"), "console.log('v2')");
    put(site, "data/deputies/a.json", "{\"name\":\"甲（新）\"}");
    put(site, "data/deputies/c.json", "{\"name\":\"丙\"}");
}

/// Every published file of a folder target (not its `.deploy/` record), with its text.
fn published(root: &Path) -> BTreeMap<String, String> {
    let t = Folder { root: root.to_path_buf() };
    t.list("")
        .unwrap()
        .into_iter()
        .filter(|k| !k.starts_with(".deploy/"))
        .map(|k| {
            let text = fs::read_to_string(root.join(&k)).unwrap();
            (k, text)
        })
        .collect()
}

/// A folder target that records what was done, in order, and can fail the n-th upload.
struct Recording {
    inner: Folder,
    log: Mutex<Vec<String>>,
    fail_at: Option<usize>,
}

impl Target for Recording {
    fn read(&self, key: &str) -> Result<Option<Vec<u8>>> {
        self.inner.read(key)
    }
    fn write(&self, key: &str, bytes: Vec<u8>) -> Result<()> {
        self.log.lock().unwrap().push(format!("write {key}"));
        self.inner.write(key, bytes)
    }
    fn put_all(&self, uploads: Vec<Upload>, done: &(dyn Fn() + Sync)) -> Result<()> {
        for u in uploads {
            let n = self.log.lock().unwrap().iter().filter(|l| l.starts_with("put ")).count();
            if Some(n) == self.fail_at {
                bail!("the line dropped");
            }
            self.log.lock().unwrap().push(format!("put {}", u.key));
            self.inner.put_all(vec![u], done)?;
        }
        Ok(())
    }
    fn copy_all(&self, pairs: Vec<(String, String)>, done: &(dyn Fn() + Sync)) -> Result<()> {
        self.log.lock().unwrap().extend(pairs.iter().map(|(f, t)| format!("copy {f} {t}")));
        self.inner.copy_all(pairs, done)
    }
    fn delete_all(&self, keys: Vec<String>, done: &(dyn Fn() + Sync)) -> Result<()> {
        self.log.lock().unwrap().extend(keys.iter().map(|k| format!("delete {k}")));
        self.inner.delete_all(keys, done)
    }
    fn list(&self, prefix: &str) -> Result<Vec<String>> {
        self.inner.list(prefix)
    }
    fn describe(&self) -> String {
        self.inner.describe()
    }
}

fn recording(root: &Path, fail_at: Option<usize>) -> Recording {
    Recording { inner: Folder { root: root.to_path_buf() }, log: Mutex::new(Vec::new()), fail_at }
}

#[test]
fn a_folder_gets_only_what_changed_in_order_and_rolls_back() {
    let tmp = tempfile::tempdir().unwrap();
    let (site, root) = (tmp.path().join("site"), tmp.path().join("www"));
    site_v1(&site);
    let first = run(&site, &Folder { root: root.clone() }, false, &hidden).unwrap();
    assert_eq!(first.uploaded, 9, "{first:?}");
    let v1 = published(&root);
    assert!(v1.contains_key(&format!("{OLD_PKG}/app.js.gz")), "a folder keeps the precompressed copies");
    assert!(!v1.contains_key("data/.manifest"), "dot files are not published");
    // Nothing changed: nothing goes up.
    let again = run(&site, &Folder { root: root.clone() }, false, &hidden).unwrap();
    assert_eq!((again.uploaded, again.removed, again.unchanged), (0, 0, 9));

    site_v2(&site);
    let dry = run(&site, &Folder { root: root.clone() }, true, &hidden).unwrap();
    assert_eq!(published(&root), v1, "a dry run changes nothing");
    let t = recording(&root, None);
    let r = run(&site, &t, false, &hidden).unwrap();
    assert_eq!(r, dry);
    // a.json, c.json; the new app.js; index.html and sw.js. b.json removed; the old code kept.
    assert_eq!(r.per_phase, [2, 1, 0, 2], "{r:?}");
    assert_eq!(r.removed, 1);
    let log = t.log.into_inner().unwrap();
    let at = |line: &str| log.iter().position(|l| l == line).unwrap_or_else(|| panic!("{line} not in {log:#?}"));
    assert!(at("put data/deputies/c.json") < at(&format!("put {NEW_PKG}/app.js")));
    assert!(at(&format!("put {NEW_PKG}/app.js")) < at("put index.html"));
    assert!(at("put index.html") < at("write .deploy/current"), "the switch after every upload");
    assert!(at("write .deploy/current") < at("delete data/deputies/b.json"), "removals after the switch");
    assert!(
        at("copy data/deputies/a.json .deploy/previous-files/data/deputies/a.json") < at("put data/deputies/a.json")
    );
    let v2 = published(&root);
    assert!(!v2.contains_key("data/deputies/b.json"));
    assert_eq!(v2["data/deputies/a.json"], "{\"name\":\"甲（新）\"}");
    assert!(v2.contains_key(&format!("{OLD_PKG}/app.js")), "pages still open on the old build need its code");

    // Rollback: v1 as it was (the new code stays a release, for pages opened on it).
    let back = rollback(&Folder { root: root.clone() }, &hidden).unwrap();
    assert_eq!((back.uploaded, back.removed), (4, 1), "{back:?}");
    let mut now = published(&root);
    assert_eq!(now.remove(&format!("{NEW_PKG}/app.js")).as_deref(), Some("console.log('v2')"));
    assert_eq!(now, v1);
    let e = rollback(&Folder { root: root.clone() }, &hidden).unwrap_err();
    assert!(format!("{e:#}").contains("没有可以回滚到的上一个版本"), "{e:#}");
    // The release after: the code of two releases ago goes.
    run(&site, &Folder { root: root.clone() }, false, &hidden).unwrap();
    put(&site, "index.html", "v3");
    run(&site, &Folder { root: root.clone() }, false, &hidden).unwrap();
    assert!(!root.join(OLD_PKG).join("app.js").exists(), "code two releases old is removed");
    assert!(root.join(NEW_PKG).join("app.js").exists());
}

#[test]
fn a_stopped_deploy_is_finished_by_the_next_and_can_still_be_rolled_back() {
    let tmp = tempfile::tempdir().unwrap();
    let (site, root) = (tmp.path().join("site"), tmp.path().join("www"));
    site_v1(&site);
    run(&site, &Folder { root: root.clone() }, false, &hidden).unwrap();
    let v1 = published(&root);
    site_v2(&site);
    // The line drops after two uploads (the data went up, index.html did not).
    let e = run(&site, &recording(&root, Some(2)), false, &hidden).unwrap_err();
    assert!(format!("{e:#}").contains("the line dropped"));
    assert!(published(&root)["index.html"].contains(OLD_PKG), "visitors still get the old pages");
    let e = rollback(&Folder { root: root.clone() }, &hidden).unwrap_err();
    assert!(format!("{e:#}").contains("没有完成"), "{e:#}");
    // Run again: finished; and the rollback restores v1, not the half-published state.
    run(&site, &Folder { root: root.clone() }, false, &hidden).unwrap();
    assert!(published(&root)["index.html"].contains(NEW_PKG));
    rollback(&Folder { root: root.clone() }, &hidden).unwrap();
    let mut now = published(&root);
    now.remove(&format!("{NEW_PKG}/app.js"));
    assert_eq!(now, v1);
}

#[test]
fn a_bucket_gets_headers_and_only_what_changed() {
    use deputy_intake::object_store::{Attribute, ObjectStoreExt};
    let server = deputy_intake::test_server::S3Server::start();
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    site_v1(&site);
    let bucket = Bucket::open(&server.url("site"), server.vars()).unwrap();
    let first = run(&site, &bucket, false, &hidden).unwrap();
    // The .gz copy is not an object of its own; the entry page also goes up under its route.
    assert_eq!(first.uploaded, 9, "{first:?}");
    // What a visitor's browser gets: the type, the cache rule, and gzip where it is text.
    let head = |key: &str| {
        let (store, prefix) =
            deputy_intake::s3_client(&server.url("site"), server.vars(), Default::default(), Default::default())
                .unwrap();
        let path =
            deputy_intake::object_store::path::Path::from_iter(prefix.iter().map(String::as_str).chain(key.split('/')));
        bucket_runtime().block_on(async {
            let got = store.get(&path).await.unwrap();
            let attrs = got.attributes.clone();
            let bytes = got.bytes().await.unwrap().to_vec();
            let attr = |a: Attribute| attrs.get(&a).map(|v| v.to_string());
            (attr(Attribute::ContentType), attr(Attribute::CacheControl), attr(Attribute::ContentEncoding), bytes)
        })
    };
    let (ty, cache, enc, body) = head(&format!("{OLD_PKG}/app.js"));
    assert_eq!(ty.as_deref(), Some("text/javascript; charset=utf-8"));
    assert_eq!(cache.as_deref(), Some("public, max-age=31536000, immutable"));
    assert_eq!(enc.as_deref(), Some("gzip"));
    assert_eq!(body, b"gz-v1", "the precompressed copy goes up under the plain name");
    let (ty, cache, enc, body) = head("data/deputies/a.json");
    assert_eq!(
        (ty.as_deref(), cache.as_deref(), enc.as_deref()),
        (Some("application/json; charset=utf-8"), Some("no-cache"), Some("gzip"))
    );
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&body[..]), &mut text).unwrap();
    assert_eq!(text, "{\"name\":\"甲\"}");
    assert_eq!(head("index.html").1.as_deref(), Some("no-cache"));
    let (ty, _, _, _) = head("direct/deputy/a");
    assert_eq!(ty.as_deref(), Some("text/html; charset=utf-8"), "a deep link is a page");

    let again = run(&site, &bucket, false, &hidden).unwrap();
    assert_eq!(again.uploaded, 0);
    site_v2(&site);
    let r = run(&site, &bucket, false, &hidden).unwrap();
    assert_eq!((r.per_phase, r.removed), ([2, 1, 0, 2], 1), "{r:?}");
    assert!(bucket.read("data/deputies/b.json").unwrap().is_none());
    rollback(&bucket, &hidden).unwrap();
    let (_, cache, enc, body) = head("data/deputies/b.json");
    assert_eq!((cache.as_deref(), enc.as_deref()), (Some("no-cache"), Some("gzip")), "restored with its headers");
    assert!(!body.is_empty());
    assert!(head("index.html").3.starts_with(&[0x1f, 0x8b]), "gzip");
}

fn bucket_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}
