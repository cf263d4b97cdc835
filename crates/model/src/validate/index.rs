//! The deputies and the small files' ids, as the cross-reference checks look them up.

use super::*;

/// The deputies as the cross-reference checks need them once their own files were checked and
/// dropped: each id with the deputy's name (duty records must carry it). One allocation per
/// deputy, so 2.7 million of them fit in about 200 MB where the full records need gigabytes.
#[derive(Debug, Default)]
pub struct DeputyIndex {
    entries: HashSet<IdName>,
}

/// `id` and `name` in one string; hashed and compared by the id only.
#[derive(Debug)]
struct IdName {
    text: Box<str>,
    split: usize,
}

impl IdName {
    fn id(&self) -> &str {
        &self.text[..self.split]
    }
}

impl PartialEq for IdName {
    fn eq(&self, other: &Self) -> bool {
        self.id() == other.id()
    }
}
impl Eq for IdName {}
impl std::hash::Hash for IdName {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id().hash(state)
    }
}
impl std::borrow::Borrow<str> for IdName {
    fn borrow(&self) -> &str {
        self.id()
    }
}

impl DeputyIndex {
    /// Record a deputy read from `file`; a second deputy with the same id is a problem.
    pub fn add(&mut self, file: &str, id: &str, name: &str) -> Option<Problem> {
        if self.entries.contains(id) {
            return Some(Problem {
                file: file.to_string(),
                field: "id".into(),
                message: format!("代表编号 {id} 重复"),
            });
        }
        self.entries.insert(IdName { text: format!("{id}{name}").into_boxed_str(), split: id.len() });
        None
    }

    pub fn contains(&self, id: &str) -> bool {
        self.entries.contains(id)
    }

    pub fn name(&self, id: &str) -> Option<&str> {
        self.entries.get(id).map(|e| &e.text[e.split..])
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Every deputy's id, in no particular order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| &e.text[..e.split])
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// What a deputy's file may refer to, from the small files (regions, groups, stations), so each
/// deputy can be checked on its own as it is read.
#[derive(Debug, Default)]
pub struct Refs {
    /// Every region code with a file, and every child code listed by one.
    regions: HashSet<String>,
    pub(super) groups: HashSet<String>,
    pub(super) stations: HashSet<String>,
}

impl Refs {
    pub fn of(data: &Dataset) -> Refs {
        let mut regions = HashSet::new();
        for (_, n) in &data.regions {
            regions.insert(n.code.clone());
            regions.extend(n.children.iter().map(|c| c.code.clone()));
        }
        Refs {
            regions,
            groups: data.groups.iter().flat_map(|(_, g)| g.groups.iter().map(|g| g.id.clone())).collect(),
            stations: data.stations.iter().map(|(_, s)| s.summary.id.clone()).collect(),
        }
    }

    pub fn region_known(&self, code: &str) -> bool {
        self.regions.contains(code)
    }
}
