//! 代表培训: the course catalog, lessons with quizzes, 我的学习 (hours this year) and the
//! printable 结业证明. Content comes from `data/training/` (built from content/training by the
//! data tool); the learner's record stays on the device (`progress.rs`) and can be sent to the
//! station through the outbox. Opened courses stay readable offline (`offline.rs`, `public/sw.js`).
//!
//! Routes: `/training`, `/training/course/:id`, `/training/lesson/:id` (lesson ids are global,
//! so other modules link to a lesson directly), `/training/mine`, `/training/certificate/:course_id`.

mod catalog;
mod certificate;
mod course;
mod lesson;
mod mine;
mod offline;
mod progress;
mod quiz;

pub use catalog::TrainingPage;
pub use certificate::CertificatePage;
pub use course::CoursePage;
pub use lesson::LessonPage;
pub use mine::MyTrainingPage;

use deputy_model::training::{CourseLevel, CourseState, format_tenths, hours_tenths};
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route};
use leptos_router::path;

use crate::i18n::*;
use crate::ui::NotFound;

pub fn level_label(i18n: I18n, level: CourseLevel) -> &'static str {
    match level {
        CourseLevel::Initial => t_string!(i18n, training.level_initial),
        CourseLevel::Special => t_string!(i18n, training.level_special),
    }
}

/// "1.2" 学时 for minutes.
pub fn hours(minutes: u32) -> String {
    format_tenths(hours_tenths(minutes))
}

/// A course's state as a short badge: 未开始, 已学 2/4 节, 已结业.
#[component]
pub fn StateBadge(state: CourseState) -> impl IntoView {
    let i18n = use_i18n();
    match state {
        CourseState::NotStarted => {
            view! { <span class="course-state state-new">{tr!(training.not_started)}</span> }.into_any()
        }
        CourseState::InProgress { done, total } => view! {
            <span class="course-state state-going">{t!(i18n, training.in_progress, done = done, total = total)}</span>
        }
        .into_any(),
        CourseState::Passed => {
            view! { <span class="course-state state-passed">{tr!(training.passed)}</span> }.into_any()
        }
    }
}

/// 代表培训's pages, by path.
/// Its own table, inside the module's code; each page is a split point (`src/split.rs`).
#[component]
pub fn TrainingRoutes() -> impl IntoView {
    crate::ui::when_open(deputy_model::Module::Training, || {
        view! {
            <FlatRoutes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/training") view=crate::split!(training__home, lazy_training_home, TrainingPage) />
                <Route path=path!("/training/course/:id") view=crate::split!(training__course, lazy_training_course, CoursePage) />
                <Route path=path!("/training/lesson/:id") view=crate::split!(training__lesson, lazy_training_lesson, LessonPage) />
                <Route path=path!("/training/mine") view=crate::split!(training__mine, lazy_training_mine, MyTrainingPage) />
                <Route path=path!("/training/certificate/:course_id") view=crate::split!(training__certificate, lazy_training_certificate, CertificatePage) />
            </FlatRoutes>
        }
    })
}
