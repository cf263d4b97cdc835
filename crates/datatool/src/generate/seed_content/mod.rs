//! Content taken from the seed newsletter 《巴彦淖尔人大》2025年第1期: its news (工作动态, the
//! lead article, the social-construction group's visit, the donation, the first 代表风采 profile
//! and the handling of a suggestion), the deputies it names, and the dairy-park suggestion.
//!
//! Texts are verbatim, except that paragraphs split by a page or column break are joined, page
//! furniture ("(下转4版)", photo captions) is dropped, and ASCII punctuation that the extraction
//! left in Chinese text (, : ; ( ) ) is written full-width. One fragment of the lead article
//! ("民群众意见建议。", the tail of a paragraph whose beginning is missing from the extraction) is
//! left out. The 定南县 reprint and the 征稿启事 are not included.

mod deputies;
mod news;
mod suggestion;

pub use deputies::*;
pub use news::*;
pub use suggestion::*;
