//! The native corpus tool: `cankao-tool validate data/corpus`, `cankao-tool slug 粤府〔2021〕53号`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cankao::tool::main(std::env::args().skip(1).collect())
}

// The tool reads files; in the browser there is nothing for it to do.
#[cfg(target_arch = "wasm32")]
fn main() {}
