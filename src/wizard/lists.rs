//! Loading what the pickers offer: every page of ListRoles, ListUserPools, ListUserPoolClients,
//! and IAM's OpenID Connect and SAML providers, into the wizard's catalog.

use super::Cx;
use super::catalog::{self, Loadable};
use super::fields::PickerKind;
use super::update::wizard;
use crate::app::{AwsError, Effect, RequestId};
use crate::domain::roles::IamRole;

/// ListRoles from the first page, unless the roles are loaded or loading.
pub(super) fn request_roles(cx: &mut Cx) -> Vec<Effect> {
    if !cx
        .state
        .active()
        .is_some_and(|w| w.catalog.roles.wants_request())
    {
        return Vec::new();
    }
    let req = cx.start_request("ListRoles", false);
    if let Some(w) = wizard(cx) {
        w.catalog.roles = Loadable::Loading {
            req,
            items: Vec::new(),
        };
    }
    vec![Effect::ListRoles { req, marker: None }]
}

/// Starts loading the list a picker shows.
pub(super) fn request_list(cx: &mut Cx, kind: PickerKind) -> Vec<Effect> {
    let Some(w) = cx.state.active() else {
        return Vec::new();
    };
    let user_pool = catalog::chosen_user_pool(&w.draft);
    let wants = match kind {
        PickerKind::Roles => return request_roles(cx),
        PickerKind::UserPools => w.catalog.user_pools.wants_request(),
        PickerKind::Clients => w
            .catalog
            .clients
            .get(&user_pool)
            .is_none_or(Loadable::wants_request),
        PickerKind::Oidc => w.catalog.oidc.wants_request(),
        PickerKind::Saml => w.catalog.saml.wants_request(),
    };
    if !wants {
        return Vec::new();
    }
    let operation = match kind {
        PickerKind::UserPools => "ListUserPools",
        PickerKind::Clients => "ListUserPoolClients",
        PickerKind::Oidc => "ListOpenIDConnectProviders",
        _ => "ListSAMLProviders",
    };
    let req = cx.start_request(operation, false);
    let Some(w) = wizard(cx) else {
        return Vec::new();
    };
    match kind {
        PickerKind::UserPools => {
            w.catalog.user_pools = Loadable::Loading {
                req,
                items: Vec::new(),
            };
            vec![Effect::ListUserPools {
                req,
                next_token: None,
            }]
        }
        PickerKind::Clients => {
            w.catalog.clients.insert(
                user_pool.clone(),
                Loadable::Loading {
                    req,
                    items: Vec::new(),
                },
            );
            vec![Effect::ListUserPoolClients {
                req,
                user_pool_id: user_pool,
                next_token: None,
            }]
        }
        PickerKind::Oidc => {
            w.catalog.oidc = Loadable::Loading {
                req,
                items: Vec::new(),
            };
            vec![Effect::ListOpenIdConnectProviders { req }]
        }
        _ => {
            w.catalog.saml = Loadable::Loading {
                req,
                items: Vec::new(),
            };
            vec![Effect::ListSamlProviders { req }]
        }
    }
}

/// A page of ListRoles.
pub(super) fn on_roles_page(
    cx: &mut Cx,
    req: RequestId,
    result: Result<(Vec<IamRole>, Option<String>), AwsError>,
) -> Vec<Effect> {
    if cx.state.active().and_then(|w| w.catalog.roles.awaiting()) != Some(req) {
        return Vec::new();
    }
    if let Err(error) = &result {
        cx.report_error("ListRoles", error);
    }
    let marker = result.as_ref().ok().and_then(|(_, m)| m.clone());
    let next = marker
        .as_ref()
        .map(|_| cx.start_request("ListRoles", false));
    if let Some(w) = wizard(cx) {
        w.catalog
            .roles
            .on_page(result.map(|(roles, _)| (roles, next)));
    }
    match (next, marker) {
        (Some(req), Some(marker)) => vec![Effect::ListRoles {
            req,
            marker: Some(marker),
        }],
        // Every role is listed: a creation waiting for the name check goes on (or stops at the
        // step whose name is taken).
        _ if cx.state.active().is_some_and(|w| w.create_when_listed) => {
            match wizard(cx) {
                Some(w) if matches!(w.catalog.roles, Loadable::Ready(_)) => super::run::create(cx),
                Some(w) => {
                    // Not listed (the failure is reported): ⏎ again creates without the check.
                    w.create_when_listed = false;
                    Vec::new()
                }
                None => Vec::new(),
            }
        }
        _ => Vec::new(),
    }
}

/// A page of ListUserPools or ListUserPoolClients.
pub(super) fn on_named_page(
    cx: &mut Cx,
    req: RequestId,
    result: Result<crate::app::response::Page<crate::app::response::Named>, AwsError>,
) -> Vec<Effect> {
    let Some(w) = cx.state.active() else {
        return Vec::new();
    };
    let client_pool = w
        .catalog
        .clients
        .iter()
        .find(|(_, l)| l.awaiting() == Some(req))
        .map(|(pool, _)| pool.clone());
    let for_pools = w.catalog.user_pools.awaiting() == Some(req);
    if !for_pools && client_pool.is_none() {
        return Vec::new();
    }
    let operation = if for_pools {
        "ListUserPools"
    } else {
        "ListUserPoolClients"
    };
    if let Err(error) = &result {
        cx.report_error(operation, error);
    }
    let token = result.as_ref().ok().and_then(|(_, t)| t.clone());
    let next = token.as_ref().map(|_| cx.start_request(operation, false));
    let Some(w) = wizard(cx) else {
        return Vec::new();
    };
    let page = result.map(|(rows, _)| (rows, next));
    match &client_pool {
        Some(pool) => {
            if let Some(list) = w.catalog.clients.get_mut(pool) {
                list.on_page(page);
            }
        }
        None => w.catalog.user_pools.on_page(page),
    }
    match (next, token, client_pool) {
        (Some(req), Some(token), None) => vec![Effect::ListUserPools {
            req,
            next_token: Some(token),
        }],
        (Some(req), Some(token), Some(user_pool_id)) => {
            vec![Effect::ListUserPoolClients {
                req,
                user_pool_id,
                next_token: Some(token),
            }]
        }
        _ => Vec::new(),
    }
}

/// ListOpenIDConnectProviders or ListSAMLProviders answered.
pub(super) fn on_arns(cx: &mut Cx, req: RequestId, result: Result<Vec<String>, AwsError>) {
    let Some(w) = cx.state.active() else {
        return;
    };
    let oidc = w.catalog.oidc.awaiting() == Some(req);
    if !oidc && w.catalog.saml.awaiting() != Some(req) {
        return;
    }
    if let Err(error) = &result {
        cx.report_error(
            if oidc {
                "ListOpenIDConnectProviders"
            } else {
                "ListSAMLProviders"
            },
            error,
        );
    }
    if let Some(w) = wizard(cx) {
        let list = if oidc {
            &mut w.catalog.oidc
        } else {
            &mut w.catalog.saml
        };
        list.on_page(result.map(|arns| (arns, None)));
    }
}
