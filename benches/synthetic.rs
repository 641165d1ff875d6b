//! How etika grows with the size of a pack: loading and deciding on synthetic packs of 1,000
//! and 10,000 obligations (written by `examples/synthetic_pack.rs`). The whole-process figures
//! for the same packs are in `benches/process.sh`. Run with `cargo bench --bench synthetic`.

#[path = "../examples/synthetic_pack.rs"]
mod synthetic;

use etika::api::{Answers, Depth, Pack, load_dir};

fn main() {
    divan::main();
}

fn pack_dir(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    synthetic::write_pack(dir.path(), n).expect("write the pack");
    dir
}

fn answers(pack: &Pack) -> Answers {
    let file = etika::api::SourceFile::new("a", "a", synthetic::answers());
    etika::api::parse_answers(pack, &file)
        .expect("valid answers")
        .answers
}

#[divan::bench(args = [1_000, 10_000])]
fn load(bencher: divan::Bencher, n: usize) {
    let dir = pack_dir(n);
    bencher.bench(|| {
        load_dir(dir.path(), Depth::Load)
            .expect("readable")
            .pack
            .is_some()
    });
}

#[divan::bench(args = [1_000, 10_000])]
fn decide(bencher: divan::Bencher, n: usize) {
    let dir = pack_dir(n);
    let pack = load_dir(dir.path(), Depth::Load).unwrap().pack.unwrap();
    let a = answers(&pack);
    bencher.bench(|| etika::api::decide(&pack, &a).obligations.len());
}
