//! What the account has beside identity pools, as listed: IAM roles, user pools and their app
//! clients, IAM's OpenID Connect and SAML providers. Whoever asks drives the paging; the store
//! keeps every page of the latest listing, so each picker and check draws from one list.

use std::collections::{BTreeMap, HashSet};

use super::Stamp;
use crate::app::response::Named;
use crate::app::{AwsError, Response};
use crate::domain::roles::IamRole;

/// Which list of the account.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum CatalogList {
    /// IAM ListRoles.
    Roles,
    /// ListUserPools.
    UserPools,
    /// ListUserPoolClients of one user pool.
    Clients(String),
    /// IAM ListOpenIDConnectProviders.
    Oidc,
    /// IAM ListSAMLProviders.
    Saml,
}

/// How far a listing got.
#[derive(Debug, Clone, PartialEq)]
pub enum ListState {
    /// More pages follow: the next one is asked with this marker (or token).
    More(String),
    /// Every page is in.
    Complete,
    /// A page failed: the items before it stay.
    Failed(AwsError),
}

/// One listing: its items so far, how far it got, and when its first page was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing<T> {
    /// The items of the pages read.
    pub items: Vec<T>,
    /// How far it got.
    pub state: ListState,
    /// The first page's request and when it arrived.
    pub read: Stamp,
}

impl<T> Listing<T> {
    /// Whether every page is in.
    pub fn is_complete(&self) -> bool {
        self.state == ListState::Complete
    }

    /// The error that stopped it, if one did.
    pub fn error(&self) -> Option<&AwsError> {
        match &self.state {
            ListState::Failed(error) => Some(error),
            _ => None,
        }
    }

    /// The marker a next page is asked with, if more pages follow.
    pub fn next_marker(&self) -> Option<&str> {
        match &self.state {
            ListState::More(marker) => Some(marker),
            _ => None,
        }
    }
}

/// The account's lists, each as its latest listing left it.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    roles: Option<Listing<IamRole>>,
    /// The ARNs of `roles`, to say at once whether the account has a role (a form checks every
    /// role it names on every frame).
    role_arns: HashSet<String>,
    user_pools: Option<Listing<Named>>,
    clients: BTreeMap<String, Listing<Named>>,
    oidc: Option<Listing<String>>,
    saml: Option<Listing<String>>,
}

impl Catalog {
    /// The IAM roles listed.
    pub fn roles(&self) -> Option<&Listing<IamRole>> {
        self.roles.as_ref()
    }

    /// Whether the account has a role of this ARN: `None` until every role is listed.
    pub fn has_role(&self, arn: &str) -> Option<bool> {
        self.is_complete(&CatalogList::Roles)
            .then(|| self.role_arns.contains(arn))
    }

    /// The user pools listed: (id, name).
    pub fn user_pools(&self) -> Option<&Listing<Named>> {
        self.user_pools.as_ref()
    }

    /// The app clients listed of a user pool: (client id, name).
    pub fn clients(&self, user_pool_id: &str) -> Option<&Listing<Named>> {
        self.clients.get(user_pool_id)
    }

    /// IAM's OpenID Connect provider ARNs listed.
    pub fn oidc(&self) -> Option<&Listing<String>> {
        self.oidc.as_ref()
    }

    /// IAM's SAML provider ARNs listed.
    pub fn saml(&self) -> Option<&Listing<String>> {
        self.saml.as_ref()
    }

    /// Whether `list` is listed in full.
    pub fn is_complete(&self, list: &CatalogList) -> bool {
        match list {
            CatalogList::Roles => self.roles.as_ref().is_some_and(Listing::is_complete),
            CatalogList::UserPools => self.user_pools.as_ref().is_some_and(Listing::is_complete),
            CatalogList::Clients(pool) => self.clients.get(pool).is_some_and(Listing::is_complete),
            CatalogList::Oidc => self.oidc.as_ref().is_some_and(Listing::is_complete),
            CatalogList::Saml => self.saml.as_ref().is_some_and(Listing::is_complete),
        }
    }

    /// The marker of the page that follows in `list`'s listing, if more follow.
    pub fn next_marker(&self, list: &CatalogList) -> Option<&str> {
        match list {
            CatalogList::Roles => self.roles.as_ref()?.next_marker(),
            CatalogList::UserPools => self.user_pools.as_ref()?.next_marker(),
            CatalogList::Clients(pool) => self.clients.get(pool)?.next_marker(),
            CatalogList::Oidc | CatalogList::Saml => None,
        }
    }

    /// Takes a page of `list` asked `after` a marker (`None`: the first page).
    pub(super) fn absorb(
        &mut self,
        list: &CatalogList,
        after: Option<&str>,
        response: &Response,
        stamp: Stamp,
    ) {
        match (list, response) {
            (CatalogList::Roles, Response::ListRoles(page)) => {
                on_page(&mut self.roles, after, page_of(page), stamp);
                let listed = self.roles.iter().flat_map(|l| &l.items);
                self.role_arns = listed.map(|role| role.arn.clone()).collect();
            }
            (CatalogList::UserPools, Response::ListUserPools(page)) => {
                on_page(&mut self.user_pools, after, page_of(page), stamp);
            }
            (CatalogList::Clients(pool), Response::ListUserPoolClients(page)) => {
                let mut listing = self.clients.remove(pool);
                on_page(&mut listing, after, page_of(page), stamp);
                if let Some(listing) = listing {
                    self.clients.insert(pool.clone(), listing);
                }
            }
            (CatalogList::Oidc, Response::ListOpenIdConnectProviders(arns)) => {
                on_page(&mut self.oidc, None, whole(arns), stamp);
            }
            (CatalogList::Saml, Response::ListSamlProviders(arns)) => {
                on_page(&mut self.saml, None, whole(arns), stamp);
            }
            _ => {}
        }
    }
}

type PageResult<'a, T> = Result<(&'a [T], Option<&'a String>), &'a AwsError>;

fn page_of<T>(page: &Result<(Vec<T>, Option<String>), AwsError>) -> PageResult<'_, T> {
    page.as_ref()
        .map(|(items, marker)| (items.as_slice(), marker.as_ref()))
}

fn whole<T>(items: &Result<Vec<T>, AwsError>) -> PageResult<'_, T> {
    items.as_ref().map(|items| (items.as_slice(), None))
}

/// A first page starts the listing anew (unless a later listing's first page is held); a later
/// page extends it only when it is the page the listing awaits, so two listings under way at
/// once never mix their pages.
fn on_page<T: Clone>(
    listing: &mut Option<Listing<T>>,
    after: Option<&str>,
    page: PageResult<'_, T>,
    stamp: Stamp,
) {
    let state = |marker: Option<&String>| {
        marker.map_or(ListState::Complete, |m| ListState::More(m.clone()))
    };
    match (after, listing.as_mut()) {
        (None, Some(held)) if held.read.req > stamp.req => {}
        (None, _) => {
            *listing = Some(match page {
                Ok((items, marker)) => Listing {
                    items: items.to_vec(),
                    state: state(marker),
                    read: stamp,
                },
                Err(error) => Listing {
                    items: Vec::new(),
                    state: ListState::Failed(error.clone()),
                    read: stamp,
                },
            });
        }
        (Some(after), Some(held)) if held.next_marker() == Some(after) => match page {
            Ok((items, marker)) => {
                held.items.extend_from_slice(items);
                held.state = state(marker);
            }
            Err(error) => held.state = ListState::Failed(error.clone()),
        },
        (Some(_), _) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::ErrorKind;

    fn named(ids: &[&str]) -> Vec<Named> {
        ids.iter()
            .map(|id| (id.to_string(), format!("{id}-name")))
            .collect()
    }

    fn page(
        catalog: &mut Catalog,
        req: u64,
        after: Option<&str>,
        ids: &[&str],
        next: Option<&str>,
    ) {
        let response = Response::ListUserPools(Ok((named(ids), next.map(String::from))));
        let stamp = Stamp { req, at: None };
        catalog.absorb(&CatalogList::UserPools, after, &response, stamp);
    }

    fn ids(catalog: &Catalog) -> Vec<&str> {
        let listing = catalog.user_pools().map_or(&[][..], |l| l.items.as_slice());
        listing.iter().map(|(id, _)| id.as_str()).collect()
    }

    #[test]
    fn pages_follow_one_another_and_a_first_page_starts_anew() {
        let mut catalog = Catalog::default();
        page(&mut catalog, 1, None, &["a", "b"], Some("m1"));
        assert_eq!(catalog.next_marker(&CatalogList::UserPools), Some("m1"));
        assert!(!catalog.is_complete(&CatalogList::UserPools));
        page(&mut catalog, 2, Some("m1"), &["c"], None);
        assert_eq!(ids(&catalog), ["a", "b", "c"]);
        assert!(catalog.is_complete(&CatalogList::UserPools));
        // Listed again: the account as it is now, not added to the old list.
        page(&mut catalog, 3, None, &["b"], None);
        assert_eq!(ids(&catalog), ["b"]);
    }

    #[test]
    fn a_page_of_another_listing_or_an_older_first_page_is_not_mixed_in() {
        let mut catalog = Catalog::default();
        page(&mut catalog, 5, None, &["a"], Some("m1"));
        page(&mut catalog, 6, Some("other"), &["x"], None);
        assert_eq!(ids(&catalog), ["a"], "not the page awaited");
        page(&mut catalog, 4, None, &["old"], None);
        assert_eq!(ids(&catalog), ["a"], "asked before the listing held");
        assert_eq!(catalog.next_marker(&CatalogList::UserPools), Some("m1"));
    }

    #[test]
    fn a_failed_page_keeps_the_items_before_it_and_says_why() {
        let mut catalog = Catalog::default();
        page(&mut catalog, 1, None, &["a"], Some("m1"));
        let error = AwsError::new(ErrorKind::Service, "Rate exceeded");
        let failed = Response::ListUserPools(Err(error.clone()));
        catalog.absorb(
            &CatalogList::UserPools,
            Some("m1"),
            &failed,
            Stamp { req: 2, at: None },
        );
        let listing = catalog.user_pools().map(|l| (l.items.len(), l.error()));
        assert_eq!(listing, Some((1, Some(&error))));
        assert!(!catalog.is_complete(&CatalogList::UserPools));
    }

    #[test]
    fn clients_are_kept_per_user_pool() {
        let mut catalog = Catalog::default();
        let list = |pool: &str| CatalogList::Clients(pool.to_string());
        let response = Response::ListUserPoolClients(Ok((named(&["c1"]), None)));
        catalog.absorb(&list("p1"), None, &response, Stamp { req: 1, at: None });
        assert!(catalog.is_complete(&list("p1")));
        assert!(!catalog.is_complete(&list("p2")));
        assert_eq!(catalog.clients("p1").map(|l| l.items.len()), Some(1));
    }
}
