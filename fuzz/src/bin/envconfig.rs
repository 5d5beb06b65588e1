//! AFL target: env-config TOML loading (see `temporal_capi_fuzz::envconfig`).
fn main() {
    afl::fuzz!(|data: &[u8]| temporal_capi_fuzz::envconfig(data));
}
