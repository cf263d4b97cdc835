//! `#[derive(FromJson)]`: reads a model type from a parsed JSON value (`deputy_model::json`).
//!
//! Why not serde's `Deserialize` in the app: serde generates, for every type, a field visitor,
//! a map visitor and a sequence visitor, each compiled again for every deserializer, and that was
//! a fifth of the app's code (docs/performance.md, "JSON decoding"). What this derive writes is
//! one plain function per type: read each field from the object by name.
//!
//! It reads the same `#[serde(...)]` attributes as the model's serde derives, so that there is
//! one description of the format: `rename_all = "snake_case"`, `rename`, `default`,
//! `default = "path"`, `flatten`, `deny_unknown_fields`, `tag`, `content`, `try_from`
//! (`skip_serializing_if` is about writing and is ignored). Anything else is a compile error,
//! so a new serde attribute cannot silently mean something else here. Tests in the data tool
//! (`from_json_reads_every_file_as_serde_does`) read every demo file both ways and compare.

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::quote;
use syn::{Data, DeriveInput, Fields, LitStr, parse_macro_input, spanned::Spanned};

#[proc_macro_derive(FromJson, attributes(serde))]
pub fn derive_from_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(tokens) => tokens.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// The `#[serde(...)]` attributes this derive understands.
#[derive(Default)]
struct Attrs {
    rename_all: bool,
    rename: Option<String>,
    default: Option<Option<syn::Path>>,
    flatten: bool,
    deny_unknown_fields: bool,
    tag: Option<String>,
    content: Option<String>,
    try_from: Option<syn::Type>,
}

fn attrs(list: &[syn::Attribute]) -> syn::Result<Attrs> {
    let mut a = Attrs::default();
    for attr in list.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let string = |meta: &syn::meta::ParseNestedMeta| -> syn::Result<String> {
                Ok(meta.value()?.parse::<LitStr>()?.value())
            };
            if meta.path.is_ident("rename_all") {
                let rule = string(&meta)?;
                if rule != "snake_case" {
                    return Err(meta.error("FromJson: only rename_all = \"snake_case\" is supported"));
                }
                a.rename_all = true;
            } else if meta.path.is_ident("rename") {
                a.rename = Some(string(&meta)?);
            } else if meta.path.is_ident("default") {
                a.default = Some(if meta.input.peek(syn::Token![=]) {
                    Some(syn::parse_str::<syn::Path>(&string(&meta)?)?)
                } else {
                    None
                });
            } else if meta.path.is_ident("flatten") {
                a.flatten = true;
            } else if meta.path.is_ident("deny_unknown_fields") {
                a.deny_unknown_fields = true;
            } else if meta.path.is_ident("tag") {
                a.tag = Some(string(&meta)?);
            } else if meta.path.is_ident("content") {
                a.content = Some(string(&meta)?);
            } else if meta.path.is_ident("try_from") {
                a.try_from = Some(syn::parse_str::<syn::Type>(&string(&meta)?)?);
            } else if meta.path.is_ident("skip_serializing_if") {
                string(&meta)?;
            } else {
                return Err(meta.error("FromJson does not understand this serde attribute"));
            }
            Ok(())
        })?;
    }
    Ok(a)
}

/// `CountyLevel` → `county_level`, as serde's snake_case.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let name = &input.ident;
    let container = attrs(&input.attrs)?;
    let mut generics = input.generics.clone();
    for param in generics.type_params_mut() {
        param.bounds.push(syn::parse_quote!(::deputy_model::json::FromJson));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let type_name = name.to_string();
    let body = if let Some(source) = &container.try_from {
        quote! {
            let source: #source = ::deputy_model::json::FromJson::from_json(v)?;
            ::core::convert::TryFrom::try_from(source).map_err(|_| ::deputy_model::json::JsonError::at(#type_name))
        }
    } else {
        match &input.data {
            Data::Struct(data) => struct_body(&data.fields, &container, quote!(Self))?,
            Data::Enum(data) => enum_body(data, &container, &type_name)?,
            Data::Union(u) => return Err(syn::Error::new(u.union_token.span(), "FromJson: unions are not supported")),
        }
    };
    Ok(quote! {
        impl #impl_generics ::deputy_model::json::FromJson for #name #ty_generics #where_clause {
            fn from_json(v: &::deputy_model::json::Value) -> ::core::result::Result<Self, ::deputy_model::json::JsonError> {
                #body
            }
        }
    })
}

/// The key of a field or variant in the JSON.
fn key(ident: &syn::Ident, own: &Attrs, rename_all: bool) -> String {
    let plain = ident.to_string();
    let plain = plain.strip_prefix("r#").unwrap_or(&plain).to_string();
    own.rename.clone().unwrap_or_else(|| if rename_all { snake_case(&plain) } else { plain })
}

/// Reads `fields` from the object `o` (the value `v`) into `path { … }` or `path(…)`.
fn struct_body(fields: &Fields, container: &Attrs, path: Tokens) -> syn::Result<Tokens> {
    match fields {
        Fields::Named(named) => {
            let mut inits = Vec::new();
            let mut known = Vec::new();
            for f in &named.named {
                let ident = f.ident.as_ref().expect("named field");
                let a = attrs(&f.attrs)?;
                let k = key(ident, &a, container.rename_all);
                let read = if a.flatten {
                    quote!(::deputy_model::json::FromJson::from_json(v)?)
                } else {
                    known.push(k.clone());
                    match &a.default {
                        None => quote!(::deputy_model::json::field(o, #k)?),
                        Some(None) => quote!(::deputy_model::json::field_or_default(o, #k)?),
                        Some(Some(f)) => quote!(::deputy_model::json::field_or(o, #k, #f)?),
                    }
                };
                inits.push(quote!(#ident: #read));
            }
            let deny = deny(container, &known);
            Ok(quote! {
                let o = ::deputy_model::json::object(v)?;
                #deny
                ::core::result::Result::Ok(#path { #(#inits),* })
            })
        }
        Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => {
            Ok(quote!(::core::result::Result::Ok(#path(::deputy_model::json::FromJson::from_json(v)?))))
        }
        Fields::Unit => Ok(quote!(::core::result::Result::Ok(#path))),
        Fields::Unnamed(u) => Err(syn::Error::new(u.span(), "FromJson: tuple structs of more than one field")),
    }
}

fn deny(container: &Attrs, known: &[String]) -> Tokens {
    if !container.deny_unknown_fields {
        return quote!();
    }
    let known = known.iter().cloned().chain(container.tag.clone());
    quote!(::deputy_model::json::deny_unknown(o, &[#(#known),*])?;)
}

fn enum_body(data: &syn::DataEnum, container: &Attrs, type_name: &str) -> syn::Result<Tokens> {
    // serde's rename_all on an enum renames its variants, not their fields.
    let beside_tag =
        Attrs { deny_unknown_fields: container.deny_unknown_fields, tag: container.tag.clone(), ..Attrs::default() };
    let mut arms = Vec::new();
    for variant in &data.variants {
        let a = attrs(&variant.attrs)?;
        let k = key(&variant.ident, &a, container.rename_all);
        let ident = &variant.ident;
        let path = quote!(Self::#ident);
        let read = match (&container.tag, &container.content, &variant.fields) {
            (_, _, Fields::Unit) => quote!(::core::result::Result::Ok(#path)),
            // Internally tagged: the variant's fields sit beside the tag.
            (Some(_), None, fields) => struct_body(fields, &beside_tag, path)?,
            // Adjacently tagged: the variant's value is the content field.
            (Some(_), Some(content), fields) => {
                let inner = struct_body(fields, &Attrs::default(), path)?;
                quote! {{
                    let v = o.get(#content).ok_or(::deputy_model::json::JsonError::at(#content))?;
                    #inner
                }}
            }
            // Externally tagged: { "variant": value }.
            (None, _, fields) => struct_body(fields, &Attrs::default(), path)?,
        };
        let k_lit = LitStr::new(&k, variant.span());
        arms.push(quote!(#k_lit => { #read }));
    }
    let unknown = quote!(_ => ::core::result::Result::Err(::deputy_model::json::JsonError::at(#type_name)));
    if let Some(tag) = &container.tag {
        return Ok(quote! {
            let o = ::deputy_model::json::object(v)?;
            match ::deputy_model::json::tag(o, #tag)? { #(#arms,)* #unknown }
        });
    }
    // Externally tagged: a unit variant is a string, any other an object of one key.
    let all_unit = data.variants.iter().all(|v| matches!(v.fields, Fields::Unit));
    if all_unit {
        return Ok(quote! {
            match ::deputy_model::json::string(v)? { #(#arms,)* #unknown }
        });
    }
    Ok(quote! {
        let (name, v) = ::deputy_model::json::variant(v)?;
        match name { #(#arms,)* #unknown }
    })
}
