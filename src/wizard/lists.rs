//! Loading what the pickers offer: every page of ListRoles, ListUserPools, ListUserPoolClients,
//! and IAM's OpenID Connect and SAML providers. The pages go to the store (the app files each
//! answer there before the wizard sees it); the wizard only asks for the next page of a listing
//! it started.

use super::Cx;
use super::catalog;
use super::fields::PickerKind;
use super::update::wizard;
use crate::app::{AwsError, Effect, RequestId};
use crate::store::CatalogList;

/// The list a picker shows (the clients of the user pool the draft names).
pub(super) fn list_of(kind: PickerKind, user_pool: String) -> CatalogList {
    match kind {
        PickerKind::Roles => CatalogList::Roles,
        PickerKind::UserPools => CatalogList::UserPools,
        PickerKind::Clients => CatalogList::Clients(user_pool),
        PickerKind::Oidc => CatalogList::Oidc,
        PickerKind::Saml => CatalogList::Saml,
    }
}

/// ListRoles from the first page, unless the roles are listed or being listed.
pub(super) fn request_roles(cx: &mut Cx) -> Vec<Effect> {
    request(cx, CatalogList::Roles, false)
}

/// Starts loading the list a picker shows.
pub(super) fn request_list(cx: &mut Cx, kind: PickerKind) -> Vec<Effect> {
    let Some(w) = cx.state.active() else {
        return Vec::new();
    };
    let list = list_of(kind, catalog::chosen_user_pool(&w.draft));
    request(cx, list, false)
}

/// Lists `list` from its first page: when it is not listed in full (never listed, or stopped
/// part-way: failed, or left when the form that drove it closed) or `again` (to see the account
/// as it is now), and this form is not listing it already.
pub(super) fn request(cx: &mut Cx, list: CatalogList, again: bool) -> Vec<Effect> {
    let store = cx.ctx.store;
    let Some(w) = cx.state.active() else {
        return Vec::new();
    };
    let under_way = w.listing.values().any(|l| *l == list);
    let listed = store.catalog().is_complete(&list);
    if under_way || (listed && !again) {
        return Vec::new();
    }
    page(cx, list, None)
}

/// Asks for one page of `list`, after `marker` (`None`: the first).
fn page(cx: &mut Cx, list: CatalogList, marker: Option<String>) -> Vec<Effect> {
    let req = cx.start_request(operation(&list), false);
    let effect = match &list {
        CatalogList::Roles => Effect::ListRoles { req, marker },
        CatalogList::UserPools => Effect::ListUserPools {
            req,
            next_token: marker,
        },
        CatalogList::Clients(pool) => Effect::ListUserPoolClients {
            req,
            user_pool_id: pool.clone(),
            next_token: marker,
        },
        CatalogList::Oidc => Effect::ListOpenIdConnectProviders { req },
        CatalogList::Saml => Effect::ListSamlProviders { req },
    };
    match wizard(cx) {
        Some(w) => {
            w.listing.insert(req, list);
            vec![effect]
        }
        None => Vec::new(),
    }
}

fn operation(list: &CatalogList) -> &'static str {
    match list {
        CatalogList::Roles => "ListRoles",
        CatalogList::UserPools => "ListUserPools",
        CatalogList::Clients(_) => "ListUserPoolClients",
        CatalogList::Oidc => "ListOpenIDConnectProviders",
        CatalogList::Saml => "ListSAMLProviders",
    }
}

/// A page of one of the lists answered (the store holds it already): report a failure, ask for
/// the next page, and once every role is listed let a creation waiting for the names go on.
pub(super) fn on_page(cx: &mut Cx, req: RequestId, error: Option<&AwsError>) -> Vec<Effect> {
    let Some(list) = wizard(cx).and_then(|w| w.listing.remove(&req)) else {
        return Vec::new();
    };
    if let Some(error) = error {
        cx.report_error(operation(&list), error);
    }
    let store = cx.ctx.store;
    if let Some(marker) = store.catalog().next_marker(&list) {
        return page(cx, list, Some(marker.to_string()));
    }
    let waiting = cx.state.active().is_some_and(|w| w.create_when_listed);
    if list != CatalogList::Roles || !waiting {
        return Vec::new();
    }
    // Every role is listed: a creation waiting for the name check goes on (or stops at the step
    // whose name is taken).
    if store.catalog().is_complete(&CatalogList::Roles) {
        return super::run::create(cx);
    }
    // Not listed (the failure is reported): ⏎ again creates without the check.
    if let Some(w) = wizard(cx) {
        w.create_when_listed = false;
    }
    Vec::new()
}
