//! A user pool's RSA signing key: ID and access tokens are RS256 JWTs, verifiable with the pool's
//! JWKS (served at `/<poolId>/.well-known/jwks.json`).

use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::rsa::{KeyPair, KeySize};
use aws_lc_rs::signature::KeyPair as _;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::sandbox::protocol::ServiceError;

/// A signing key as kept in the state: its id, the private key (PKCS#8 PEM) and the public parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SigningKey {
    /// The `kid` of tokens and JWKS.
    pub kid: String,
    /// PKCS#8 PEM.
    pub private_pem: String,
    /// Base64url modulus.
    pub n: String,
    /// Base64url exponent.
    pub e: String,
}

impl SigningKey {
    /// A fresh 2048-bit key.
    pub fn generate() -> Result<Self, ServiceError> {
        let fail = |_| ServiceError::internal("The sandbox could not generate a signing key.");
        let pair = KeyPair::generate(KeySize::Rsa2048).map_err(fail)?;
        let der = pair.as_der().map_err(fail)?;
        let body = STANDARD.encode(der.as_ref());
        let lines: Vec<&str> = body
            .as_bytes()
            .chunks(64)
            .filter_map(|c| std::str::from_utf8(c).ok())
            .collect();
        let private_pem = format!(
            "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
            lines.join("\n")
        );
        let public = pair.public_key();
        Ok(Self {
            kid: URL_SAFE_NO_PAD.encode(&uuid::Uuid::new_v4().as_bytes()[..12]),
            private_pem,
            n: URL_SAFE_NO_PAD.encode(public.modulus().big_endian_without_leading_zero()),
            e: URL_SAFE_NO_PAD.encode(public.exponent().big_endian_without_leading_zero()),
        })
    }

    /// Signs `claims` as an RS256 JWT with this key's `kid`.
    pub fn sign(&self, claims: &Value) -> Result<String, ServiceError> {
        self.sign_with(jsonwebtoken::Algorithm::RS256, claims)
    }

    /// Signs `claims` as a JWT with `algorithm` (Cognito Identity's OpenID tokens use RS512).
    pub fn sign_with(
        &self,
        algorithm: jsonwebtoken::Algorithm,
        claims: &Value,
    ) -> Result<String, ServiceError> {
        let fail = |e: jsonwebtoken::errors::Error| {
            ServiceError::internal(format!("The sandbox could not sign a token: {e}"))
        };
        let key =
            jsonwebtoken::EncodingKey::from_rsa_pem(self.private_pem.as_bytes()).map_err(fail)?;
        let mut header = jsonwebtoken::Header::new(algorithm);
        header.typ = None;
        header.kid = Some(self.kid.clone());
        jsonwebtoken::encode(&header, claims, &key).map_err(fail)
    }

    /// The key for verifying this key's signatures.
    pub fn decoding_key(&self) -> Result<jsonwebtoken::DecodingKey, ServiceError> {
        jsonwebtoken::DecodingKey::from_rsa_components(&self.n, &self.e)
            .map_err(|e| ServiceError::internal(format!("Bad sandbox key: {e}")))
    }

    /// The JWKS entry.
    pub fn jwk(&self) -> Value {
        json!({ "kid": self.kid, "alg": "RS256", "kty": "RSA", "e": self.e, "n": self.n, "use": "sig" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_tokens_that_verify_with_the_public_parts() {
        let key = SigningKey::generate().unwrap_or_else(|e| panic!("{e:?}"));
        let token = key
            .sign(&json!({ "sub": "s", "exp": 4_000_000_000u64 }))
            .unwrap_or_else(|e| panic!("{e:?}"));
        let header = jsonwebtoken::decode_header(&token).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(header.kid.as_deref(), Some(key.kid.as_str()));
        let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::RS256);
        validation.validate_aud = false;
        let decoded = jsonwebtoken::decode::<Value>(
            &token,
            &key.decoding_key().unwrap_or_else(|e| panic!("{e:?}")),
            &validation,
        );
        assert_eq!(
            decoded.map(|d| d.claims["sub"].clone()).ok(),
            Some(json!("s"))
        );
        let other = SigningKey::generate().unwrap_or_else(|e| panic!("{e:?}"));
        let wrong = jsonwebtoken::decode::<Value>(
            &token,
            &other.decoding_key().unwrap_or_else(|e| panic!("{e:?}")),
            &validation,
        );
        assert!(wrong.is_err(), "another pool's key does not verify it");
    }
}
