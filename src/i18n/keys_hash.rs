// One implementation for both sides: build.rs `include!`s this file to compute `KEYS_HASH`
// over the catalog's keys, and `src/i18n/mod.rs` includes it to check a fetched catalog.

/// FNV-1a (64 bit) over the sorted dotted keys, each followed by a newline.
fn keys_hash<'a>(keys: impl Iterator<Item = &'a str>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for key in keys {
        for b in key.bytes().chain(std::iter::once(b'\n')) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}
