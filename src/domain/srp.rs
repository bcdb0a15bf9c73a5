//! Amazon Cognito's Secure Remote Password variant (USER_SRP_AUTH), both halves: the client's
//! (A, and the PASSWORD_CLAIM_SIGNATURE from the server's B, salt and secret block) and the
//! server's (a user's verifier, B, and the check of the signature). SRP-6a over the 3072-bit
//! group of RFC 3526 with g = 2 and SHA-256, as the service and its SDKs use it: hex values are
//! hashed as bytes after padding to a whole, non-negative byte string; x = H(salt ‖ H(pool name ‖
//! user id ‖ ":" ‖ password)); the key is HKDF-SHA256(S, salt = u, info "Caldera Derived Key", 16
//! bytes); the claim is HMAC(key, pool name ‖ user id ‖ secret block ‖ timestamp).

use aws_lc_rs::{digest, hmac};
use num_bigint::BigUint;
use num_traits::Zero;

/// The group's prime, N (RFC 3526, 3072 bits).
const N_HEX: &str = concat!(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1",
    "29024E088A67CC74020BBEA63B139B22514A08798E3404DD",
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245",
    "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED",
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D",
    "C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F",
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D",
    "670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B",
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9",
    "DE2BCBF6955817183995497CEA956AE515D2261898FA0510",
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64",
    "ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7",
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B",
    "F12FFA06D98A0864D87602733EC86A64521F2B18177B200C",
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31",
    "43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
);

const INFO: &[u8] = b"Caldera Derived Key";

fn n() -> BigUint {
    BigUint::parse_bytes(N_HEX.as_bytes(), 16).unwrap_or_default()
}

fn g() -> BigUint {
    BigUint::from(2u32)
}

/// A number as the protocol hashes it: big-endian bytes with a leading zero byte when the top
/// bit is set (a positive two's-complement value), as the SDKs' `padHex` does.
fn padded(value: &BigUint) -> Vec<u8> {
    let mut bytes = value.to_bytes_be();
    if bytes.first().is_some_and(|b| b & 0x80 != 0) {
        bytes.insert(0, 0);
    }
    bytes
}

fn sha256(parts: &[&[u8]]) -> Vec<u8> {
    let mut context = digest::Context::new(&digest::SHA256);
    for part in parts {
        context.update(part);
    }
    context.finish().as_ref().to_vec()
}

fn number(bytes: &[u8]) -> BigUint {
    BigUint::from_bytes_be(bytes)
}

/// k = H(N ‖ g), each padded.
fn k() -> BigUint {
    number(&sha256(&[&padded(&n()), &padded(&g())]))
}

/// Lower-case hex without leading zeros, as the service writes SRP_A, SRP_B and SALT.
pub fn hex(value: &BigUint) -> String {
    value.to_str_radix(16)
}

/// Parses a hex value the other side sent.
pub fn parse_hex(text: &str) -> Option<BigUint> {
    BigUint::parse_bytes(text.trim().as_bytes(), 16)
}

/// The part of a user pool id the protocol uses: `us-east-1_AbC123` → `AbC123`.
pub fn pool_name(user_pool_id: &str) -> &str {
    user_pool_id
        .split_once('_')
        .map_or(user_pool_id, |(_, name)| name)
}

/// x = H(salt ‖ H(pool name ‖ user id ‖ ":" ‖ password)).
fn private_key(pool_name: &str, user_id: &str, password: &str, salt: &BigUint) -> BigUint {
    let inner = sha256(&[
        pool_name.as_bytes(),
        user_id.as_bytes(),
        b":",
        password.as_bytes(),
    ]);
    number(&sha256(&[&padded(salt), &inner]))
}

/// A user's verifier v = g^x mod N, stored instead of the password.
pub fn verifier(pool_name: &str, user_id: &str, password: &str, salt: &BigUint) -> BigUint {
    g().modpow(&private_key(pool_name, user_id, password, salt), &n())
}

/// u = H(A ‖ B).
fn scrambler(a: &BigUint, b: &BigUint) -> BigUint {
    number(&sha256(&[&padded(a), &padded(b)]))
}

/// HKDF-SHA256 of S with salt u and the protocol's info, 16 bytes.
fn derived_key(s: &BigUint, u: &BigUint) -> Vec<u8> {
    let salt = hmac::Key::new(hmac::HMAC_SHA256, &padded(u));
    let prk = hmac::sign(&salt, &padded(s));
    let prk = hmac::Key::new(hmac::HMAC_SHA256, prk.as_ref());
    let mut info = INFO.to_vec();
    info.push(1);
    hmac::sign(&prk, &info).as_ref()[..16].to_vec()
}

/// The claim: HMAC(key, pool name ‖ user id ‖ secret block ‖ timestamp).
fn claim(
    key: &[u8],
    pool_name: &str,
    user_id: &str,
    secret_block: &[u8],
    timestamp: &str,
) -> Vec<u8> {
    let key = hmac::Key::new(hmac::HMAC_SHA256, key);
    let mut context = hmac::Context::with_key(&key);
    context.update(pool_name.as_bytes());
    context.update(user_id.as_bytes());
    context.update(secret_block);
    context.update(timestamp.as_bytes());
    context.sign().as_ref().to_vec()
}

/// The client's side of one sign-in.
#[derive(Debug, Clone)]
pub struct Client {
    secret: BigUint,
    /// A = g^a mod N, sent as SRP_A.
    pub public: BigUint,
}

impl Client {
    /// From 32 random bytes (the secret a).
    pub fn new(random: &[u8]) -> Self {
        let secret = number(random);
        let public = g().modpow(&secret, &n());
        Self { secret, public }
    }

    /// PASSWORD_CLAIM_SIGNATURE's bytes for the server's challenge; None when B is unusable
    /// (B mod N = 0, or u = 0), which a client must refuse.
    pub fn signature(
        &self,
        pool_name: &str,
        user_id: &str,
        password: &str,
        server: &Challenge<'_>,
    ) -> Option<Vec<u8>> {
        let n = n();
        if (server.public % &n).is_zero() {
            return None;
        }
        let u = scrambler(&self.public, server.public);
        if u.is_zero() {
            return None;
        }
        let x = private_key(pool_name, user_id, password, server.salt);
        // S = (B − k·g^x)^(a + u·x) mod N, kept non-negative.
        let kgx = (k() * g().modpow(&x, &n)) % &n;
        let base = ((server.public % &n) + &n - kgx) % &n;
        let s = base.modpow(&(&self.secret + &u * &x), &n);
        let key = derived_key(&s, &u);
        Some(claim(
            &key,
            pool_name,
            user_id,
            server.secret_block,
            server.timestamp,
        ))
    }
}

/// What the server sent and the client signs (B, the salt, the secret block) and when.
#[derive(Debug, Clone, Copy)]
pub struct Challenge<'a> {
    /// SRP_B.
    pub public: &'a BigUint,
    /// SALT.
    pub salt: &'a BigUint,
    /// SECRET_BLOCK, decoded.
    pub secret_block: &'a [u8],
    /// TIMESTAMP, as sent with the claim (`Thu Dec 3 07:42:05 UTC 2026`).
    pub timestamp: &'a str,
}

/// The server's side of one sign-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    secret: BigUint,
    /// B = (k·v + g^b) mod N, sent as SRP_B.
    pub public: BigUint,
}

impl Server {
    /// For a user with verifier `v`, from 32 random bytes (the secret b).
    pub fn new(verifier: &BigUint, random: &[u8]) -> Self {
        let n = n();
        let secret = number(random);
        let public = (k() * verifier + g().modpow(&secret, &n)) % &n;
        Self { secret, public }
    }

    /// Whether the client's claim proves the password: None when A is unusable (A mod N = 0).
    #[allow(clippy::too_many_arguments)]
    pub fn expected_signature(
        &self,
        client_public: &BigUint,
        verifier: &BigUint,
        pool_name: &str,
        user_id: &str,
        secret_block: &[u8],
        timestamp: &str,
    ) -> Option<Vec<u8>> {
        let n = n();
        if (client_public % &n).is_zero() {
            return None;
        }
        let u = scrambler(client_public, &self.public);
        // S = (A · v^u)^b mod N.
        let s = ((client_public * verifier.modpow(&u, &n)) % &n).modpow(&self.secret, &n);
        let key = derived_key(&s, &u);
        Some(claim(&key, pool_name, user_id, secret_block, timestamp))
    }
}

/// The TIMESTAMP format: `Thu Dec 3 07:42:05 UTC 2026` (the day not zero-padded).
pub fn timestamp(at: time::OffsetDateTime) -> String {
    let format = time::macros::format_description!(
        "[weekday repr:short] [month repr:short] [day padding:none] [hour]:[minute]:[second] UTC [year]"
    );
    at.format(&format).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_group_is_rfc_3526s_3072_bit_prime() {
        assert_eq!(n().bits(), 3072);
        assert_eq!(hex(&n()).to_uppercase(), N_HEX);
    }

    #[test]
    fn client_and_server_agree_only_on_the_right_password() {
        let salt = BigUint::from_bytes_be(&[0x9c; 16]);
        let v = verifier("AbC123", "alice", "Correct-Horse-1", &salt);
        let server = Server::new(&v, &[7; 32]);
        let client = Client::new(&[11; 32]);
        let block = [1u8, 2, 3, 4];
        let when = "Wed Dec 3 07:42:05 UTC 2026";
        let challenge = Challenge {
            public: &server.public,
            salt: &salt,
            secret_block: &block,
            timestamp: when,
        };
        let right = client.signature("AbC123", "alice", "Correct-Horse-1", &challenge);
        let expected =
            server.expected_signature(&client.public, &v, "AbC123", "alice", &block, when);
        assert!(right.is_some());
        assert_eq!(right, expected);
        let wrong = client.signature("AbC123", "alice", "wrong", &challenge);
        assert_ne!(wrong, expected);
        let zero = BigUint::zero();
        assert_eq!(
            server.expected_signature(&zero, &v, "AbC123", "alice", &block, when),
            None,
            "A = 0 is refused"
        );
    }

    #[test]
    fn numbers_are_padded_to_a_positive_byte_string() {
        assert_eq!(padded(&BigUint::from(0x7fu32)), vec![0x7f]);
        assert_eq!(padded(&BigUint::from(0x80u32)), vec![0, 0x80]);
        assert_eq!(pool_name("us-east-1_AbC123"), "AbC123");
        let at = time::macros::datetime!(2026-12-03 07:42:05 UTC);
        assert_eq!(timestamp(at), "Thu Dec 3 07:42:05 UTC 2026");
    }
}
