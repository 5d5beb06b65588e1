//! Runs files through a target without AFL: `replay <requests|envconfig> FILE...`
//! (reproduces a crash with a normal backtrace; checks the corpus).
fn main() {
    let mut args = std::env::args().skip(1);
    let target = args
        .next()
        .expect("usage: replay <requests|envconfig> FILE...");
    let run = match target.as_str() {
        "requests" => temporal_capi_fuzz::requests,
        "envconfig" => temporal_capi_fuzz::envconfig,
        other => panic!("unknown target {other}"),
    };
    let mut n = 0;
    for path in args {
        let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        run(&data);
        n += 1;
    }
    println!("{target}: {n} inputs ran");
}
