//! Deputy acts, signed (issue 33). The deputies' workspace service writes each act a signed-in
//! deputy makes (a suggestion, a co-sign, training progress, a reply) into the intake store as
//! an [`Envelope`]: the submission's text, the deputy the session belongs to, when, and an
//! Ed25519 signature by the service's key. `deputy-data ingest` accepts a deputy kind only in
//! an envelope that [`KeyRing::verify`] accepts; the same kind from the public inbox is held
//! for the station, never published.
//!
//! The service's secret key is in `DIR/signing-key.json` (its owner only); the public keys
//! with the time each was valid are in `DIR/keys.json`, which is all ingest needs (a station
//! whose workspace runs on another machine copies that file). A key can be revoked: acts it
//! signed after the revocation are not accepted.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::private::write_whole;

/// The `envelope` field's value: what tells an envelope from a plain submission.
pub const ENVELOPE: &str = "deputy-act";

/// One signed act as stored in the intake store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// Always [`ENVELOPE`].
    pub envelope: String,
    /// The submission (`deputy_model::submission::Submission`) as JSON text, signed as it is.
    pub act: String,
    /// The deputy whose session made the act: taken from the session, never from the request.
    pub deputy_id: String,
    /// Names the session (a hash, not the cookie), so that the station can see which sign-in
    /// made an act.
    pub session: String,
    /// When the service signed it, RFC 3339.
    pub at: String,
    pub key_id: String,
    /// Ed25519 over [`signed_bytes`], hex.
    pub signature: String,
}

/// What is signed: every field but the signature, each with its length before it, so that no
/// two different envelopes sign the same bytes.
fn signed_bytes(act: &str, deputy_id: &str, session: &str, at: &str, key_id: &str) -> Vec<u8> {
    let mut out = b"deputy-home act 1".to_vec();
    for part in [act, deputy_id, session, at, key_id] {
        out.extend_from_slice(&(part.len() as u64).to_be_bytes());
        out.extend_from_slice(part.as_bytes());
    }
    out
}

/// A public key of the service, and the time it was valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicKey {
    pub key_id: String,
    /// 32 bytes, hex.
    pub public: String,
    /// RFC 3339.
    pub valid_from: String,
    /// RFC 3339; acts signed from then on are not accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct KeysFile {
    keys: Vec<PublicKey>,
}

#[derive(Serialize, Deserialize)]
struct SecretFile {
    key_id: String,
    /// 32 bytes, hex.
    secret: String,
}

/// Why an envelope is not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActRefusal {
    /// Not an envelope (or not one this version reads).
    NotAnEnvelope,
    /// No key of that id in `keys.json`.
    UnknownKey,
    /// Signed before the key was valid, or after it was revoked.
    KeyNotValid,
    BadSignature,
    BadTime,
}

impl ActRefusal {
    /// The reason, for the station (Chinese).
    pub fn message(&self) -> &'static str {
        match self {
            ActRefusal::NotAnEnvelope => "不是工作台签名的代表操作",
            ActRefusal::UnknownKey => "签名密钥不在 keys.json 中",
            ActRefusal::KeyNotValid => "签名时密钥不在有效期内（未生效或已吊销）",
            ActRefusal::BadSignature => "签名不符：内容被改动或不是工作台签的",
            ActRefusal::BadTime => "签名时间不是 RFC 3339 时间",
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex<const N: usize>(text: &str) -> Option<[u8; N]> {
    if text.len() != 2 * N || !text.is_ascii() {
        return None;
    }
    let mut out = [0u8; N];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

/// The service's signing key.
pub struct ActSigner {
    key_id: String,
    key: SigningKey,
}

impl ActSigner {
    /// The key in `dir/signing-key.json`; on first use a new one is made, and its public half
    /// added to `dir/keys.json`, valid from `now`.
    pub fn in_dir(dir: &Path, now: OffsetDateTime) -> Result<ActSigner> {
        let path = dir.join("signing-key.json");
        let _lock = crate::private::lock(dir, ".keys.lock")?;
        if let Ok(text) = std::fs::read_to_string(&path) {
            let file: SecretFile = serde_json::from_str(&text).with_context(|| format!("读取 {}", path.display()))?;
            let secret = unhex::<32>(&file.secret).with_context(|| format!("{}：密钥格式不对", path.display()))?;
            return Ok(ActSigner { key_id: file.key_id, key: SigningKey::from_bytes(&secret) });
        }
        let secret: [u8; 32] = rand::random();
        let key = SigningKey::from_bytes(&secret);
        let key_id = format!("k-{}-{}", now.unix_timestamp(), hex(&rand::random::<[u8; 4]>()));
        let mut ring = read_keys(&dir.join("keys.json"))?;
        ring.keys.push(PublicKey {
            key_id: key_id.clone(),
            public: hex(key.verifying_key().as_bytes()),
            valid_from: rfc3339(now),
            revoked_at: None,
        });
        write_whole(&dir.join("keys.json"), serde_json::to_string_pretty(&ring)?.as_bytes())?;
        let file = SecretFile { key_id: key_id.clone(), secret: hex(&secret) };
        write_whole(&path, serde_json::to_string(&file)?.as_bytes())?;
        Ok(ActSigner { key_id, key })
    }

    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    /// `act` (a submission's JSON text) as the act of `deputy_id`'s session `session`, at `at`.
    pub fn sign(&self, act: &str, deputy_id: &str, session: &str, at: OffsetDateTime) -> Envelope {
        let at = rfc3339(at);
        let signature = self.key.sign(&signed_bytes(act, deputy_id, session, &at, &self.key_id));
        Envelope {
            envelope: ENVELOPE.into(),
            act: act.into(),
            deputy_id: deputy_id.into(),
            session: session.into(),
            at,
            key_id: self.key_id.clone(),
            signature: hex(&signature.to_bytes()),
        }
    }
}

fn read_keys(path: &Path) -> Result<KeysFile> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text).with_context(|| format!("读取 {}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(KeysFile::default()),
        Err(e) => Err(e).with_context(|| format!("读取 {}", path.display())),
    }
}

/// The public keys an ingest checks envelopes against.
#[derive(Debug, Clone, Default)]
pub struct KeyRing {
    keys: Vec<PublicKey>,
    path: Option<PathBuf>,
}

impl KeyRing {
    /// The keys in `dir/keys.json`; none when it does not exist (every envelope is then held).
    pub fn in_dir(dir: &Path) -> Result<KeyRing> {
        let path = dir.join("keys.json");
        Ok(KeyRing { keys: read_keys(&path)?.keys, path: Some(path) })
    }

    pub fn keys(&self) -> &[PublicKey] {
        &self.keys
    }

    /// Revoke `key_id` from `at` on: acts it signs later are not accepted.
    pub fn revoke(&mut self, key_id: &str, at: OffsetDateTime) -> Result<()> {
        let Some(key) = self.keys.iter_mut().find(|k| k.key_id == key_id) else {
            bail!("没有密钥 {key_id}");
        };
        key.revoked_at = Some(rfc3339(at));
        let path = self.path.clone().context("密钥表没有文件")?;
        write_whole(&path, serde_json::to_string_pretty(&KeysFile { keys: self.keys.clone() })?.as_bytes())
    }

    /// Whether `text` is an envelope this ring accepts: its signature verifies with a key that
    /// was valid when it was signed. Returns the envelope.
    pub fn verify(&self, text: &str) -> Result<Envelope, ActRefusal> {
        let env: Envelope = serde_json::from_str(text).map_err(|_| ActRefusal::NotAnEnvelope)?;
        if env.envelope != ENVELOPE {
            return Err(ActRefusal::NotAnEnvelope);
        }
        let key = self.keys.iter().find(|k| k.key_id == env.key_id).ok_or(ActRefusal::UnknownKey)?;
        let parse = |t: &str| OffsetDateTime::parse(t, &Rfc3339).map_err(|_| ActRefusal::BadTime);
        let at = parse(&env.at)?;
        let from = parse(&key.valid_from)?;
        let revoked = key.revoked_at.as_deref().map(parse).transpose()?;
        if at < from || revoked.is_some_and(|r| at >= r) {
            return Err(ActRefusal::KeyNotValid);
        }
        let public =
            unhex::<32>(&key.public).and_then(|b| VerifyingKey::from_bytes(&b).ok()).ok_or(ActRefusal::UnknownKey)?;
        let signature =
            unhex::<64>(&env.signature).map(|b| Signature::from_bytes(&b)).ok_or(ActRefusal::BadSignature)?;
        public
            .verify(&signed_bytes(&env.act, &env.deputy_id, &env.session, &env.at, &env.key_id), &signature)
            .map_err(|_| ActRefusal::BadSignature)?;
        Ok(env)
    }
}

/// Whether `text` claims to be an envelope (whether or not it verifies).
pub fn is_envelope(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        envelope: Option<String>,
    }
    serde_json::from_str::<Probe>(text).is_ok_and(|p| p.envelope.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-12-01 10:00 +8);

    fn signer() -> (tempfile::TempDir, ActSigner) {
        let dir = tempfile::tempdir().unwrap();
        let signer = ActSigner::in_dir(dir.path(), NOW).unwrap();
        (dir, signer)
    }

    #[test]
    fn an_act_signed_by_the_service_verifies_and_the_key_is_kept() {
        let (dir, signer) = signer();
        let env = signer.sign(r#"{"kind":"cosign"}"#, "city-0001", "s1", NOW);
        let text = serde_json::to_string(&env).unwrap();
        assert!(is_envelope(&text));
        let ring = KeyRing::in_dir(dir.path()).unwrap();
        assert_eq!(ring.verify(&text), Ok(env));
        // The same key next time: what it signed before still verifies.
        let again = ActSigner::in_dir(dir.path(), NOW + time::Duration::days(1)).unwrap();
        assert_eq!(again.key_id(), signer.key_id());
        assert_eq!(KeyRing::in_dir(dir.path()).unwrap().keys().len(), 1);
    }

    #[test]
    fn any_change_to_a_signed_act_is_refused() {
        let (dir, signer) = signer();
        let ring = KeyRing::in_dir(dir.path()).unwrap();
        let env = signer.sign(r#"{"kind":"cosign","cosigner_id":"city-0001"}"#, "city-0001", "s1", NOW);
        let tamper = |f: &dyn Fn(&mut Envelope)| {
            let mut e = env.clone();
            f(&mut e);
            ring.verify(&serde_json::to_string(&e).unwrap())
        };
        assert_eq!(tamper(&|e| e.deputy_id = "city-0002".into()), Err(ActRefusal::BadSignature));
        assert_eq!(tamper(&|e| e.act = e.act.replace("0001", "0002")), Err(ActRefusal::BadSignature));
        assert_eq!(tamper(&|e| e.at = "2026-12-01T02:00:01Z".into()), Err(ActRefusal::BadSignature));
        assert_eq!(tamper(&|e| e.signature = "00".repeat(64)), Err(ActRefusal::BadSignature));
        assert_eq!(tamper(&|e| e.signature = "zz".into()), Err(ActRefusal::BadSignature));
        assert_eq!(tamper(&|e| e.key_id = "k-other".into()), Err(ActRefusal::UnknownKey));
        assert_eq!(tamper(&|e| e.at = "yesterday".into()), Err(ActRefusal::BadTime));
        assert_eq!(ring.verify(r#"{"kind":"cosign"}"#), Err(ActRefusal::NotAnEnvelope));
        assert!(!is_envelope(r#"{"kind":"cosign"}"#));
    }

    #[test]
    fn another_key_than_the_rings_is_refused_and_a_revoked_key_from_its_revocation_on() {
        let (dir, signer) = signer();
        let (_other_dir, other) = super::tests::signer();
        let forged = serde_json::to_string(&other.sign("{}", "city-0001", "s", NOW)).unwrap();
        let mut ring = KeyRing::in_dir(dir.path()).unwrap();
        assert_eq!(ring.verify(&forged), Err(ActRefusal::UnknownKey));

        let before = serde_json::to_string(&signer.sign("{}", "city-0001", "s", NOW)).unwrap();
        let early = serde_json::to_string(&signer.sign("{}", "city-0001", "s", NOW - time::Duration::days(1))).unwrap();
        assert_eq!(ring.verify(&early), Err(ActRefusal::KeyNotValid));
        ring.revoke(signer.key_id(), NOW + time::Duration::hours(1)).unwrap();
        let after =
            serde_json::to_string(&signer.sign("{}", "city-0001", "s", NOW + time::Duration::hours(2))).unwrap();
        let ring = KeyRing::in_dir(dir.path()).unwrap();
        assert!(ring.verify(&before).is_ok(), "what it signed before the revocation stands");
        assert_eq!(ring.verify(&after), Err(ActRefusal::KeyNotValid));
    }
}
