//! AFL target: every request parser (see `temporal_capi_fuzz::requests`).
fn main() {
    afl::fuzz!(|data: &[u8]| temporal_capi_fuzz::requests(data));
}
