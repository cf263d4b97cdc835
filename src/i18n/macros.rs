//! The catalog's macros, with the call syntax the app has used since leptos_i18n:
//! `t_string!(i18n, direct.err_code)`, `t!(i18n, direct.rate_done, code = c)`, `tr!(nav.home)`.
//! A key is a path into `keys` (a typo does not compile); `t!` and `t_string!` are the same
//! here (text is rendered as text either way).

/// A message: `&'static str` without values, `String` with them.
#[macro_export]
macro_rules! t_string {
    ($i18n:expr, $($seg:ident).+) => {{
        let _ = $i18n;
        $crate::i18n::text($crate::i18n::keys::$($seg)::+)
    }};
    ($i18n:expr, $($seg:ident).+, $($arg:ident $(= $val:expr)?),+ $(,)?) => {{
        let _ = $i18n;
        $crate::i18n::fill(
            $crate::i18n::keys::$($seg)::+,
            &[$((stringify!($arg), $crate::__t_arg!($arg $(= $val)?) as &dyn ::core::fmt::Display)),+],
        )
    }};
}

/// A message for a view (same as `t_string!`).
#[macro_export]
macro_rules! t {
    ($($all:tt)*) => {
        $crate::t_string!($($all)*)
    };
}

/// A message without the `i18n` handle: `tr!(nav.home)`.
#[macro_export]
macro_rules! tr {
    ($($all:tt)*) => {
        $crate::t_string!((), $($all)*)
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __t_arg {
    ($arg:ident) => {
        &$arg
    };
    ($arg:ident = $val:expr) => {
        &$val
    };
}
