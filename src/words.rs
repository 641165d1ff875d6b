//! The interface's own words, in both languages. Rule text is bilingual in the pack itself.

use crate::vocab::{Consult, Lang};

/// `text` wrapped at word boundaries to `width` columns (at least 16), the first line led by
/// `first` and the others by `rest`. A word is never split at a hyphen ("Ctrl-C", "self-harm"
/// stay whole); only a word longer than a whole line is broken.
pub fn fill(text: &str, width: usize, first: &str, rest: &str) -> String {
    let opts = textwrap::Options::new(width.max(16))
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::fill(text, opts)
}

/// A paragraph to show: one that starts with a number, "2. …", hangs its later lines under
/// its text, as a numbered list does.
pub fn fill_paragraph(para: &str, width: usize) -> String {
    let digits = para.chars().take_while(char::is_ascii_digit).count();
    let hang = if digits > 0 && para[digits..].starts_with(". ") {
        " ".repeat(digits + 2)
    } else {
        String::new()
    };
    fill(para, width, "", &hang)
}

pub fn yes_no(lang: Lang, b: bool) -> &'static str {
    match (lang, b) {
        (Lang::Id, true) => "ya",
        (Lang::Id, false) => "tidak",
        (Lang::En, true) => "yes",
        (Lang::En, false) => "no",
    }
}

pub fn unsure(lang: Lang) -> &'static str {
    lang.pick("belum tahu", "not sure yet")
}

pub fn none(lang: Lang) -> &'static str {
    lang.pick("tidak ada", "none")
}

/// Who to consult, at each level, in words.
pub fn consult_level(lang: Lang, c: Consult) -> &'static str {
    match c {
        Consult::None => lang.pick(
            "Tidak ada konsultasi khusus yang diminta; tetap bicarakan dalam supervisi rutin",
            "No special consultation called for; still raise it in routine supervision",
        ),
        Consult::Supervisor => lang.pick("Supervisor Anda", "Your supervisor"),
        Consult::CaseConference => lang.pick(
            "Konferensi kasus (supervisor dan tim lintas profesi)",
            "A case conference (supervisor and the team across professions)",
        ),
        Consult::EthicsCouncil => lang.pick(
            "Dewan kode etik organisasi profesi, melalui supervisor",
            "The professional body's code of ethics council, through your supervisor",
        ),
        Consult::Authorities => lang.pick(
            "Layanan atau pihak berwenang yang disebut pada langkah-langkah, bersama supervisor",
            "The services or authorities named with the steps, together with your supervisor",
        ),
    }
}

/// Words used by the reports.
pub struct Words {
    pub report_title: &'static str,
    pub edition: &'static str,
    pub in_short: &'static str,
    pub short_binding: &'static str,
    pub short_consult: &'static str,
    pub binding: &'static str,
    pub binding_note: &'static str,
    pub obligations: &'static str,
    pub obligations_other: &'static str,
    pub obligation: &'static str,
    pub source: &'static str,
    pub principles: &'static str,
    pub why: &'static str,
    pub tensions: &'static str,
    pub prevails: &'static str,
    pub settled_by_binding: &'static str,
    pub settled_by_ranking: &'static str,
    pub ranking: &'static str,
    pub not_ranked: &'static str,
    pub consult: &'static str,
    pub because: &'static str,
    pub course: &'static str,
    pub step: &'static str,
    pub phase: &'static str,
    pub depends_on: &'static str,
    pub depends_note: &'static str,
    pub hinges_on: &'static str,
    pub find_out: &'static str,
    pub find_out_prefix: &'static str,
    pub if_answer: &'static str,
    pub adds: &'static str,
    pub removes: &'static str,
    pub consult_becomes: &'static str,
    pub asks: &'static str,
    pub no_change: &'static str,
    pub what_if: &'static str,
    pub left_out: &'static str,
    pub left_out_note: &'static str,
    pub frame: &'static str,
    pub situation: &'static str,
    pub question: &'static str,
    pub answer: &'static str,
    pub disclaimer: &'static str,
    pub legend: &'static str,
    pub legend_binding: &'static str,
    pub legend_find_out: &'static str,
    pub legend_letters: &'static str,
    pub because_col: &'static str,
    pub reflection: &'static str,
    pub reflection_prompts: [&'static str; 4],
    pub case_note: &'static str,
    pub date: &'static str,
    pub no_names: &'static str,
    pub kind_obligation: &'static str,
    pub kind_tension: &'static str,
    pub kind_step: &'static str,
    pub not: &'static str,
    pub verdict_no_dilemma: &'static str,
    pub verdict_binding: &'static str,
    pub verdict_go_within_law: &'static str,
    pub by_ranking: &'static str,
    pub by_law: &'static str,
    pub verdict_life_first: &'static str,
    pub verdict_life_now: &'static str,
    pub verdict_life_unsure: &'static str,
    pub verdict_life_unsure_then: &'static str,
    pub verdict_dilemma: &'static str,
    pub verdict_pending: &'static str,
    /// "Not settled yet", followed by the conflict that waits.
    pub verdict_pending_on: &'static str,
    /// In "go ahead once checked": what could still weigh once the fact is known.
    pub verdict_still_weighs: &'static str,
    /// The same, for a duty that may still apply.
    pub verdict_still_applies: &'static str,
    pub verdict_go_after_check: &'static str,
    /// The same verdict's two halves, with what may still weigh between them.
    pub verdict_go_once_checked: &'static str,
    /// Added to "go ahead once checked" where binding duties apply: how the work is done.
    pub verdict_within_law: &'static str,
    pub verdict_nothing_else: &'static str,
    pub verdict_not_covered: &'static str,
    pub not_covered: &'static str,
    pub not_covered_note: &'static str,
    pub not_covered_item: &'static str,
    pub not_covered_task: &'static str,
    pub verdict_task_outside: &'static str,
    pub routine: &'static str,
    pub more_steps: &'static str,
    pub services: &'static str,
    pub own_unit: &'static str,
    pub for_parties: &'static str,
    pub already_done: &'static str,
    pub no_service: &'static str,
    /// A step left out where no answer given calls for it (the questions it reads were not asked).
    pub not_called_for: &'static str,
    pub ruled_out_by: &'static str,
    pub short_first: &'static str,
    pub short_cannot_tell: &'static str,
    pub legend_decisive: &'static str,
    pub full_hint: &'static str,
}

pub fn words(lang: Lang) -> Words {
    match lang {
        Lang::Id => Words {
            report_title: "Pertimbangan etis",
            edition: "edisi",
            in_short: "Ringkasnya",
            short_binding: "Wajib",
            short_consult: "Konsultasi",
            binding: "Kewajiban yang mengikat",
            binding_note: "Ditetapkan oleh hukum atau kode etik; tidak ditimbang dengan kewajiban lain.",
            obligations: "Kewajiban yang berlaku",
            obligations_other: "Kewajiban lain yang berlaku",
            obligation: "Kewajiban",
            source: "Sumber",
            principles: "Prinsip",
            why: "Karena jawaban",
            tensions: "Ketegangan antarprinsip",
            prevails: "Didahulukan",
            settled_by_binding: "Sudah diputuskan oleh kewajiban yang mengikat",
            settled_by_ranking: "Menurut urutan prinsip",
            ranking: "Urutan prinsip",
            not_ranked: "tidak diurutkan dalam paket ini; putuskan bersama supervisor",
            consult: "Konsultasi",
            because: "karena",
            course: "Langkah yang disarankan",
            step: "Langkah",
            phase: "Tahap",
            depends_on: "Bergantung pada yang Anda cari tahu",
            depends_note: "Belum berlaku dan belum gugur: semuanya menunggu jawaban yang belum Anda ketahui.",
            hinges_on: "menunggu",
            find_out: "Yang perlu dicari tahu",
            find_out_prefix: "Cari tahu",
            if_answer: "Bila jawabannya",
            adds: "menambah",
            removes: "menghapus",
            consult_becomes: "konsultasi menjadi",
            asks: "lalu ditanyakan",
            no_change: "tidak mengubah apa pun",
            what_if: "Bagaimana jika",
            left_out: "Langkah yang tidak dipakai",
            left_out_note: "Diminta oleh suatu kewajiban, tetapi tidak cocok dengan jawaban ini.",
            frame: "Selalu berlaku",
            situation: "Situasi (jawaban)",
            question: "Pertanyaan",
            answer: "Jawaban",
            disclaimer: "Catatan",
            legend: "Keterangan",
            legend_binding: "⚑ kewajiban yang mengikat: ditetapkan hukum atau kode etik, tidak ditimbang dengan yang lain",
            legend_find_out: "? langkah mencari tahu: jawaban Anda \"belum tahu\"; hasilnya dapat mengubah laporan ini",
            legend_letters: "A, B, …: jawaban Anda yang menentukan, seperti tercantum di bagian SITUASI",
            because_col: "Karena",
            reflection: "Refleksi",
            reflection_prompts: [
                "Nilai mana yang saya dahulukan, dan mengapa?",
                "Siapa yang paling rentan dalam situasi ini, dan bagaimana ia dilindungi?",
                "Apa yang disampaikan kepada klien, dan kapan?",
                "Apa yang akan saya lakukan berbeda lain kali?",
            ],
            case_note: "Catatan kasus untuk supervisi",
            date: "Tanggal",
            no_names: "Catatan ini tidak memuat nama atau data pengenal klien. Jangan menambahkannya.",
            kind_obligation: "kewajiban",
            kind_tension: "ketegangan",
            kind_step: "langkah",
            not: "bukan",
            verdict_no_dilemma: "Silakan lanjut: tidak ada pertentangan kewajiban dalam jawaban ini; lakukan langkah di bawah dengan kehati-hatian yang biasa.",
            verdict_binding: "Hukum atau kode etik sudah memutuskannya: laksanakan kewajiban yang mengikat di bawah dengan baik.",
            verdict_go_within_law: "Silakan lanjut: tidak ada pertentangan kewajiban dalam jawaban ini; kerjakan sesuai cara yang ditetapkan kewajiban mengikat di bawah.",
            by_ranking: "menurut urutan prinsip paket ini",
            by_law: "menurut kewajiban yang mengikat",
            verdict_life_first: "Lindungi nyawa lebih dulu",
            verdict_life_now: "Lindungi nyawa lebih dulu: datangkan pertolongan sekarang (langkah pertama di bawah), lalu bawa hal lain ke supervisi.",
            verdict_life_unsure: "Lindungi nyawa lebih dulu: mungkin ada nyawa yang terancam sekarang",
            verdict_life_unsure_then: "Pastikan segera (langkah di bawah); bila Anda tidak dapat menilainya, perlakukan sebagai keadaan darurat dan datangkan pertolongan sekarang. Hal lain menunggu dan dibawa ke supervisi.",
            verdict_dilemma: "Dilema yang nyata",
            verdict_pending: "Belum dapat diputuskan: pertentangan kewajiban bergantung pada yang Anda cari tahu lebih dulu.",
            verdict_pending_on: "Belum dapat diputuskan, bergantung pada yang Anda cari tahu lebih dulu",
            verdict_still_weighs: "sampai itu pasti, satu pertentangan masih bisa ikut ditimbang",
            verdict_still_applies: "sampai itu pasti, satu kewajiban mungkin masih berlaku",
            verdict_go_after_check: "Silakan lanjut dengan langkah di bawah setelah memastikan hal yang perlu dicari tahu; tidak ada pertentangan kewajiban lain dalam jawaban ini.",
            verdict_go_once_checked: "Silakan lanjut dengan langkah di bawah setelah memastikan hal yang perlu dicari tahu",
            verdict_within_law: ", dengan cara yang ditetapkan kewajiban mengikat di bawah",
            verdict_nothing_else: "Tidak ada pertentangan kewajiban lain dalam jawaban ini.",
            verdict_not_covered: "Di luar cakupan paket ini: ikuti langkah umum pengambilan keputusan dan bawa ke supervisor.",
            not_covered: "Tidak tercakup",
            not_covered_note: "Jawaban \"Tidak satu pun dari ini\" atau \"Hal lain\": saran ini tidak memperhitungkannya.",
            not_covered_task: "ini soal teknis atau hukum yang menjadi wewenang pihak lain, bukan pilihan etis: saran ini menyebut kepada siapa membawanya, bukan jawabannya.",
            verdict_task_outside: "Ini bukan pertanyaan etis: jawabannya ada pada pihak yang berwenang atas soal itu (langkah di bawah). Bagian Anda adalah membawa orang itu ke sana dan tetap dalam peran Anda.",
            not_covered_item: "saran ini tidak memperhitungkan hal yang Anda maksud dengan \"Tidak satu pun dari ini\" atau \"Hal lain\" pada pertanyaan ini; apa pun yang bergantung padanya belum ditimbang. Bicarakan dengan supervisor.",
            routine: "Rutin",
            more_steps: "langkah lain: --full",
            services: "Layanan",
            own_unit: "unit Anda sendiri: ikuti prosedurnya",
            for_parties: "untuk",
            already_done: "sudah dilakukan",
            no_service: "tidak ada layanan yang melayani orang ini",
            not_called_for: "tidak ada jawaban yang memerlukannya",
            ruled_out_by: "dikesampingkan oleh kewajiban",
            short_first: "Cari tahu dulu",
            short_cannot_tell: "Bila Anda tidak dapat menilainya",
            legend_decisive: "● langkah menentukan: menjawab keputusan atau melindungi nyawa",
            full_hint: "Seluruh kewajiban, ketegangan, dan langkah: --full, atau catatan kasus (--format markdown).",
        },
        Lang::En => Words {
            report_title: "Ethical assessment",
            edition: "edition",
            in_short: "In short",
            short_binding: "Binding",
            short_consult: "Consult",
            binding: "Binding duties",
            binding_note: "Settled by law or the code; not weighed against other duties.",
            obligations: "Obligations that apply",
            obligations_other: "Other obligations that apply",
            obligation: "Obligation",
            source: "Source",
            principles: "Principles",
            why: "Because you answered",
            tensions: "Tensions between principles",
            prevails: "Prevails",
            settled_by_binding: "Already settled by a binding duty",
            settled_by_ranking: "By the ranking of principles",
            ranking: "The ranking of principles",
            not_ranked: "not ranked in this pack; decide with your supervisor",
            consult: "Consult",
            because: "because",
            course: "Recommended course of action",
            step: "Step",
            phase: "Phase",
            depends_on: "Depends on what you find out",
            depends_note: "Neither applying nor ruled out: each waits on an answer you do not know yet.",
            hinges_on: "waits on",
            find_out: "What to find out",
            find_out_prefix: "Find out",
            if_answer: "If the answer is",
            adds: "adds",
            removes: "removes",
            consult_becomes: "consultation becomes",
            asks: "then asks",
            no_change: "changes nothing",
            what_if: "What if",
            left_out: "Steps left out",
            left_out_note: "Asked for by an obligation, but they do not fit these answers.",
            frame: "Always",
            situation: "The situation (answers)",
            question: "Question",
            answer: "Answer",
            disclaimer: "Note",
            legend: "Legend",
            legend_binding: "⚑ binding duty: settled by law or the code, not weighed against others",
            legend_find_out: "? a step to find out: you answered \"not sure yet\"; the answer can change this report",
            legend_letters: "A, B, …: the answers that decided it, as listed under THE SITUATION",
            because_col: "Because",
            reflection: "Reflection",
            reflection_prompts: [
                "Which values did I put first, and why?",
                "Who is most vulnerable here, and how are they protected?",
                "What was the client told, and when?",
                "What would I do differently next time?",
            ],
            case_note: "Case note for supervision",
            date: "Date",
            no_names: "This note holds no name or identifying detail of the client. Do not add any.",
            kind_obligation: "obligation",
            kind_tension: "tension",
            kind_step: "step",
            not: "not",
            verdict_no_dilemma: "Go ahead: no conflict between duties in these answers; take the steps below with the usual care.",
            verdict_binding: "The law or the code settles it: carry out the binding duties below well.",
            verdict_go_within_law: "Go ahead: no conflict between duties in these answers; do it the way the binding duties below say.",
            by_ranking: "by the pack's ranking",
            by_law: "as a binding duty says",
            verdict_life_first: "Protect life first",
            verdict_life_now: "Protect life first: get help now (the first steps below), then take the rest to supervision.",
            verdict_life_unsure: "Protect life first: a life may be in danger now",
            verdict_life_unsure_then: "Find that out at once (the step below); if you cannot tell, treat it as an emergency and get help now. Everything else waits and goes to supervision.",
            verdict_dilemma: "A real dilemma",
            verdict_pending: "Not settled yet: whether duties conflict depends on what you find out first.",
            verdict_pending_on: "Not settled yet, until you have found out what is asked first",
            verdict_still_weighs: "until then one conflict may still weigh",
            verdict_still_applies: "until then one duty may still apply",
            verdict_go_after_check: "Go ahead with the steps below once you have checked what is to be found out; nothing else conflicts in these answers.",
            verdict_go_once_checked: "Go ahead with the steps below once you have checked what is to be found out",
            verdict_within_law: ", the way the binding duties below say",
            verdict_nothing_else: "Nothing else conflicts in these answers.",
            verdict_not_covered: "Outside what this pack covers: follow the general steps of deciding and take it to your supervisor.",
            not_covered: "Not covered",
            not_covered_note: "Answered \"None of these\" or \"Something else\": the advice does not take it into account.",
            not_covered_task: "this is a technical or legal matter for another authority, not an ethical choice: the advice says whom to take it to, not the answer.",
            verdict_task_outside: "Not an ethical question: the answer lies with the authority the matter belongs to (the steps below). Your part is to take it there and stay within your role.",
            not_covered_item: "the advice does not take into account what \"None of these\" or \"Something else\" stands for in your answer to this question; whatever hinges on it has not been weighed. Talk it through with your supervisor.",
            routine: "Routine",
            more_steps: "more steps: --full",
            services: "Services",
            own_unit: "your own unit: follow its procedure",
            for_parties: "for",
            already_done: "already done",
            no_service: "no service serves this person",
            not_called_for: "no answer given calls for it",
            ruled_out_by: "ruled out by the duty",
            short_first: "Find out first",
            short_cannot_tell: "If you cannot tell",
            legend_decisive: "● decisive step: answers the decision or protects life",
            full_hint: "Every duty, tension and step: --full, or the case note (--format markdown).",
        },
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fill_keeps_hyphenated_words_whole() {
        let text = "etika asks about the situation: Esc goes back a question; Ctrl-C stops.";
        for width in 16..text.len() {
            let filled = super::fill(text, width, "", "");
            for line in filled.lines() {
                assert!(!line.ends_with("Ctrl-"), "at {width}: {filled}");
            }
        }
        assert_eq!(super::fill("a b", 20, "  → ", "    "), "  → a b");
    }

    #[test]
    fn a_numbered_paragraph_hangs_under_its_text() {
        let filled = super::fill_paragraph("12. Call 119 or get them to a hospital now", 20);
        let lines: Vec<&str> = filled.lines().collect();
        assert!(
            lines.len() > 1 && lines[0].starts_with("12. Call"),
            "{filled}"
        );
        assert!(
            lines[1..]
                .iter()
                .all(|l| l.starts_with("    ") && !l.starts_with("     "))
        );
        // A paragraph that only starts with a number is not a list item.
        let plain = super::fill_paragraph("2026 was the year the new KUHP came in", 20);
        assert!(
            plain.lines().skip(1).all(|l| !l.starts_with(' ')),
            "{plain}"
        );
    }
}
