//! Negotiate (SPNEGO, RFC 4559) with Kerberos on `FakeExchange`, through a GSSAPI acceptor
//! whose key comes from the keytab in `KRB5_KTNAME` (feature `gssapi`).
//!
//! Bound to the connection like NTLM: the client's token is stepped through one acceptor
//! context per connection; once it completes, the request is answered with the acceptor's
//! final token in `WWW-Authenticate: Negotiate …` (mutual authentication) and the
//! connection stays authenticated. Channel bindings are not required.

use std::sync::atomic::Ordering;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use http::HeaderValue;
use libgssapi::context::{SecurityContext as _, ServerCtx};

use super::{ConnState, Granted, Refusal, resolve, status_with_challenges};
use crate::State;

/// The user of a Kerberos principal `name@REALM`: the address `name@realm`, or the local
/// part `name` in a domain matching the realm.
fn user_of_principal(state: &State, principal: &str) -> Option<String> {
    let (name, realm) = principal.rsplit_once('@')?;
    resolve(state, "", principal).or_else(|| resolve(state, realm, name))
}

/// One step of the handshake with the client's token.
pub(super) fn step(state: &State, c: &mut ConnState, token: &str) -> Result<Granted, Refusal> {
    let auth = &state.auth;
    let Ok(input) = STANDARD.decode(token) else {
        c.negotiate = None;
        return Err(auth.unauthorized(None));
    };
    let mut ctx = match c.negotiate.take() {
        Some(ctx) => ctx,
        None => {
            // A new handshake drops what an earlier one proved.
            c.handshake_user = None;
            ServerCtx::new(None)
        }
    };
    let Ok(output) = ctx.step(&input, None) else {
        return Err(auth.unauthorized(None));
    };
    let output = output.map(|buf| STANDARD.encode(&*buf));
    if !ctx.is_complete() {
        c.negotiate = Some(ctx);
        let value = format!("Negotiate {}", output.unwrap_or_default());
        return Err(status_with_challenges([value]));
    }
    let principal = ctx.source_name().map(|n| n.to_string()).ok();
    let Some(user) = principal.and_then(|p| user_of_principal(state, &p)) else {
        return Err(auth.unauthorized(None));
    };
    auth.negotiate_handshakes.fetch_add(1, Ordering::SeqCst);
    c.handshake_user = Some(user.clone());
    Ok(Granted {
        user,
        www_authenticate: output
            .and_then(|token| HeaderValue::try_from(format!("Negotiate {token}")).ok()),
    })
}
