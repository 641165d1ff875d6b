//! Reachability: can some answers make a condition true, given the questionnaire's skip logic?
//!
//! A search over the answers to the questions a condition reads (and those their `ask_if`
//! reads), in questionnaire order, each asked (taking each value in turn) or skipped, as the
//! questionnaire would. Questions not yet settled count as "not sure", so three-valued
//! evaluation prunes a branch as soon as the condition is certainly false, or ends the search
//! as soon as it is certainly true.
//!
//! The work is bounded, not the number of answers tried: every step is charged the size of
//! the conditions it evaluates, one question may cost `PER_ITEM` and the whole pack `TOTAL`.
//! Past the budget the answer is "could not decide", which the pack's author sees as a
//! located warning. So no pack, however its conditions are built, makes `validate` hang.

use std::collections::{BTreeMap, HashMap};

use super::Questionnaire;
use super::model::Pack;
use super::validate::Locations;
use crate::condition::{Expr, Lookup, Truth};
use crate::diag::{DiagKind, Diagnostics, SourceFile};
use crate::vocab::{ItemKind, QuestionKind, Value};

/// Work one question of reachability may cost, in condition nodes evaluated.
pub const PER_ITEM: usize = 1_000_000;
/// Work all the questions of one pack may cost together.
pub const TOTAL: usize = 20_000_000;
/// The most questions one search may involve; it goes one question deeper for each, so this
/// also bounds its depth. A condition of the default pack involves a handful.
pub const MAX_INVOLVED: usize = 256;
/// The most options of one list a search may decide; each is a level deeper.
pub const MAX_NAMED: usize = 64;

/// The work left to spend.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    pub left: usize,
}

impl Budget {
    /// Take `cost` from the budget; false when there is not that much left.
    fn spend(&mut self, cost: usize) -> bool {
        match self.left.checked_sub(cost) {
            Some(rest) => {
                self.left = rest;
                true
            }
            None => {
                self.left = 0;
                false
            }
        }
    }
}

/// The answers of a search, by question place, so evaluating a condition reads a slot
/// rather than looking a name up. Made once per pack and left empty after each search, so a
/// search costs what its own questions cost, not the size of the questionnaire.
pub struct Slots(Vec<Option<Value>>, Vec<Option<Ticks>>);

/// An `any_of` question being decided one option at a time: the options that can change a
/// result, and whether each of the first few is ticked. The rest are not known yet; an option
/// not named is never ticked.
struct Ticks {
    named: Vec<String>,
    ticked: Vec<bool>,
}

impl Slots {
    pub fn new(q: Questionnaire) -> Slots {
        let n = q.questions.len();
        Slots(vec![None; n], (0..n).map(|_| None).collect())
    }
}

impl Lookup for Slots {
    fn value(&self, _question: &str, slot: u32) -> Option<&Value> {
        self.0.get(slot as usize).and_then(Option::as_ref)
    }

    fn ticked(&self, question: &str, slot: u32, option: &str) -> Truth {
        match self.1.get(slot as usize).and_then(Option::as_ref) {
            Some(t) => match t.named.iter().position(|o| o == option) {
                Some(i) => t
                    .ticked
                    .get(i)
                    .map_or(Truth::Unknown, |&b| Truth::from_bool(b)),
                None => Truth::False,
            },
            None => match self.value(question, slot) {
                Some(Value::Many(vs)) => Truth::from_bool(vs.iter().any(|v| v == option)),
                Some(Value::Unsure) => Truth::Unknown,
                _ => Truth::False,
            },
        }
    }
}

/// `Some(true)` reachable, `Some(false)` never true, `None` too large to decide.
#[cfg(test)]
pub fn satisfiable(pack: &Pack, expr: &Expr) -> Option<bool> {
    let q = pack.questionnaire();
    let mut expr = expr.clone();
    expr.resolve(&|id| q.position(id));
    satisfiable_within(q, &expr, &mut Budget { left: PER_ITEM }, &mut Slots::new(q))
}

/// As `satisfiable`, spending from `budget`; the condition's questions are resolved to their
/// places, and `answers` is empty.
pub fn satisfiable_within(
    q: Questionnaire,
    expr: &Expr,
    budget: &mut Budget,
    answers: &mut Slots,
) -> Option<bool> {
    let involved = involve(q, expr, answers, budget);
    let r = involved.as_ref().and_then(|involved| {
        let search = Search {
            q,
            expr,
            weight: expr.size(),
            named: options_named(q, expr, involved),
        };
        search.run(involved, answers, budget)
    });
    for &p in involved.iter().flatten() {
        answers.0[p] = None;
    }
    r
}

/// The questions a search involves, in questionnaire order: those the condition reads and
/// those their `ask_if`s read, each marked "not sure" in `answers`. `None` past the budget
/// (the questions marked so far are left marked: the caller clears them).
fn involve(
    q: Questionnaire,
    expr: &Expr,
    answers: &mut Slots,
    budget: &mut Budget,
) -> Option<Vec<usize>> {
    let mut involved: Vec<usize> = Vec::new();
    let mut stack: Vec<&Expr> = vec![expr];
    let mut r = Some(());
    'walk: while let Some(e) = stack.pop() {
        // Collecting is work too: a thousand `ask_if`s read by one another cost their size.
        if !budget.spend(e.size()) {
            r = None;
            break 'walk;
        }
        for (question, _) in e.leaves() {
            let Some(pos) = q.position(question) else {
                continue;
            };
            if answers.0[pos].is_none() {
                answers.0[pos] = Some(Value::Unsure);
                involved.push(pos);
                if involved.len() > MAX_INVOLVED {
                    r = None;
                    break 'walk;
                }
                if let Some(ask) = &q.questions[pos].ask_if {
                    stack.push(ask);
                }
            }
        }
    }
    involved.sort_unstable();
    match r {
        Some(()) => Some(involved),
        None => {
            for &p in &involved {
                answers.0[p] = None;
            }
            None
        }
    }
}

/// For each any_of question, the options the condition or an involved `ask_if` names: the
/// only ones whose ticking can change a result.
fn options_named<'a>(
    q: Questionnaire<'a>,
    expr: &'a Expr,
    involved: &[usize],
) -> BTreeMap<&'a str, Vec<&'a str>> {
    let mut named: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let asks = involved
        .iter()
        .filter_map(|&p| q.questions[p].ask_if.as_ref());
    for e in std::iter::once(expr).chain(asks) {
        for (question, option) in e.leaves() {
            if let Some(o) = option {
                let list = named.entry(question).or_default();
                if !list.contains(&o) {
                    list.push(o);
                }
            }
        }
    }
    named
}

struct Search<'a> {
    q: Questionnaire<'a>,
    expr: &'a Expr,
    /// What one evaluation of `expr` costs.
    weight: usize,
    named: BTreeMap<&'a str, Vec<&'a str>>,
}

impl Search<'_> {
    fn run(&self, rest: &[usize], answers: &mut Slots, budget: &mut Budget) -> Option<bool> {
        if !budget.spend(self.weight) {
            return None;
        }
        match self.expr.eval(answers) {
            Truth::True => return Some(true),
            Truth::False => return Some(false),
            Truth::Unknown => {}
        }
        let Some((&pos, tail)) = rest.split_first() else {
            // Everything is settled and the result is still unknown: cannot happen without an
            // unsure answer, so the condition never holds for certain.
            return Some(false);
        };
        let question = &self.q.questions[pos];
        answers.0[pos] = None;
        let asked = match &question.ask_if {
            None => true,
            Some(ask) => {
                if !budget.spend(ask.size()) {
                    answers.0[pos] = Some(Value::Unsure);
                    return None;
                }
                ask.eval(answers) != Truth::False
            }
        };
        if !asked {
            let r = self.run(tail, answers, budget);
            answers.0[pos] = Some(Value::Unsure);
            return r;
        }
        // A list is decided one option at a time, each a yes or no that is charged and can
        // end the search early, so a list of many options costs what its options change, not
        // every combination of them.
        if question.kind == QuestionKind::AnyOf {
            let named: Vec<String> = self
                .named
                .get(question.id.as_str())
                .map(|o| o.iter().map(|s| s.to_string()).collect())
                .unwrap_or_default();
            if named.len() > MAX_NAMED {
                answers.0[pos] = Some(Value::Unsure);
                return None;
            }
            answers.0[pos] = Some(Value::Unsure);
            answers.1[pos] = Some(Ticks {
                named,
                ticked: Vec::new(),
            });
            let r = self.tick(pos, tail, answers, budget);
            answers.1[pos] = None;
            return r;
        }
        // The answers to try, made one at a time: each try is charged, so a question with a
        // hundred thousand options costs what the budget allows, never more.
        let count = match question.kind {
            QuestionKind::YesNo => 2,
            _ => question.options.len(),
        };
        let value = |i: usize| match question.kind {
            QuestionKind::YesNo => Value::Yes(i == 0),
            _ => Value::One(question.options[i].id.clone()),
        };
        let mut undecided = false;
        for i in 0..count {
            answers.0[pos] = Some(value(i));
            match self.run(tail, answers, budget) {
                Some(true) => {
                    answers.0[pos] = Some(Value::Unsure);
                    return Some(true);
                }
                Some(false) => {}
                None => {
                    undecided = true;
                    if budget.left == 0 {
                        break;
                    }
                }
            }
        }
        answers.0[pos] = Some(Value::Unsure);
        if undecided { None } else { Some(false) }
    }

    /// Decide the next option of the list at `pos` (ticked first: conditions mostly ask for an
    /// option, so a reachable one is found sooner), then the rest of
    /// the questions once every named option is decided.
    fn tick(
        &self,
        pos: usize,
        rest: &[usize],
        answers: &mut Slots,
        budget: &mut Budget,
    ) -> Option<bool> {
        let complete = answers.1[pos]
            .as_ref()
            .is_none_or(|t| t.ticked.len() == t.named.len());
        if complete {
            return self.run(rest, answers, budget);
        }
        let mut undecided = false;
        for b in [true, false] {
            if let Some(t) = answers.1[pos].as_mut() {
                t.ticked.push(b);
            }
            let r = if !budget.spend(self.weight) {
                None
            } else {
                match self.expr.eval(answers) {
                    Truth::True => Some(true),
                    Truth::False => Some(false),
                    Truth::Unknown => self.tick(pos, rest, answers, budget),
                }
            };
            if let Some(t) = answers.1[pos].as_mut() {
                t.ticked.pop();
            }
            match r {
                Some(true) => return Some(true),
                Some(false) => {}
                None => {
                    undecided = true;
                    if budget.left == 0 {
                        break;
                    }
                }
            }
        }
        if undecided { None } else { Some(false) }
    }
}

/// Warn about questions never asked, obligations that never apply, tensions that never arise
/// and steps never given, and say where the search could not decide. Returns the work spent.
pub fn check(pack: &Pack, files: &[SourceFile], at: &Locations, diags: &mut Diagnostics) -> usize {
    let q = pack.questionnaire();
    let mut warn = |(file, span): &(usize, std::ops::Range<usize>), kind: DiagKind| {
        diags.add(&files[*file], Some(span.clone()), kind);
    };
    let mut total = Budget { left: TOTAL };
    let mut scratch = Slots::new(q);
    // Whether `expr` can hold, together with `with` when given.
    let mut decide = |with: Option<&Expr>, expr: &Expr| {
        if total.left == 0 {
            return None;
        }
        let mut budget = Budget {
            left: PER_ITEM.min(total.left),
        };
        let both;
        let expr = match with {
            Some(w) => {
                both = Expr::And(vec![w.clone(), expr.clone()]);
                &both
            }
            None => expr,
        };
        let r = satisfiable_within(q, expr, &mut budget, &mut scratch);
        total.left -= PER_ITEM.min(total.left) - budget.left;
        r
    };
    for (question, place) in pack.questions.iter().zip(&at.questions) {
        let (Some(expr), Some(place)) = (&question.ask_if, place) else {
            continue;
        };
        match decide(None, expr) {
            Some(false) => warn(
                place,
                DiagKind::NeverAsked {
                    id: question.id.clone(),
                },
            ),
            None => warn(
                place,
                DiagKind::Undecided {
                    kind: ItemKind::Question,
                    id: question.id.clone(),
                },
            ),
            Some(true) => {}
        }
    }
    for (o, place) in pack.obligations.iter().zip(&at.obligations) {
        let Some(expr) = &o.when else { continue };
        match decide(None, expr) {
            Some(false) => warn(place, DiagKind::NeverApplies { id: o.id.clone() }),
            None => warn(
                place,
                DiagKind::Undecided {
                    kind: ItemKind::Obligation,
                    id: o.id.clone(),
                },
            ),
            Some(true) => {}
        }
    }
    for (t, place) in pack.tensions.iter().zip(&at.tensions) {
        match decide(None, &t.when) {
            Some(false) => warn(place, DiagKind::NeverArises { id: t.id.clone() }),
            None => warn(
                place,
                DiagKind::Undecided {
                    kind: ItemKind::Tension,
                    id: t.id.clone(),
                },
            ),
            Some(true) => {}
        }
    }
    // Who calls for each step, found once: `None` for the frame, which calls unconditionally.
    let mut callers: HashMap<&str, Vec<Option<&Expr>>> = HashMap::new();
    for o in &pack.obligations {
        for a in &o.actions {
            callers.entry(a.as_str()).or_default().push(o.when.as_ref());
        }
    }
    for t in &pack.tensions {
        for a in &t.actions {
            callers.entry(a.as_str()).or_default().push(Some(&t.when));
        }
    }
    for a in &pack.meta.frame.steps {
        callers.entry(a.as_str()).or_default().push(None);
    }
    // A step with a `when` must be given by at least one of the rules that call for it.
    for (a, place) in pack.actions.iter().zip(&at.actions) {
        let Some(when) = &a.when else { continue };
        let Some(callers) = callers.get(a.id.as_str()) else {
            continue;
        };
        let mut verdict = Some(false);
        for caller in callers {
            match decide(*caller, when) {
                Some(true) => {
                    verdict = Some(true);
                    break;
                }
                Some(false) => {}
                None => verdict = None,
            }
        }
        match verdict {
            Some(false) => warn(place, DiagKind::StepNeverGiven { id: a.id.clone() }),
            None => warn(
                place,
                DiagKind::Undecided {
                    kind: ItemKind::Action,
                    id: a.id.clone(),
                },
            ),
            Some(true) => {}
        }
    }
    TOTAL - total.left
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::SourceFile;
    use crate::pack::{parse, validate};

    /// The embedded pack's files, with `extra` added to `questions.toml` and a file
    /// `obligations/extra.toml` holding `obligations`; checked for reachability. Returns the
    /// work spent and the diagnostics.
    fn check_with(extra: &str, obligations: &str) -> (usize, Diagnostics) {
        let mut files = crate::embedded::files();
        for f in &mut files {
            if f.rel == "questions.toml" {
                *f = SourceFile::new(&f.name, &f.rel, format!("{}{extra}", f.text));
            }
        }
        files.push(SourceFile::new(
            "obligations/extra.toml",
            "obligations/extra.toml",
            obligations,
        ));
        let mut diags = Diagnostics::new();
        let raw = parse::parse("test", files, &mut diags);
        let (checked, files) = validate::validate(raw, &mut diags);
        assert!(!diags.has_errors(), "{diags:?}");
        let (pack, at) = checked.expect("a valid pack");
        let spent = check(&pack, &files, &at, &mut diags);
        (spent, diags)
    }

    fn undecided(d: &Diagnostics) -> usize {
        d.iter()
            .filter(|d| matches!(d.kind, DiagKind::Undecided { .. }))
            .count()
    }

    /// `n` yes/no questions and a condition over them that never holds, which no shortcut
    /// sees before the last question is settled.
    fn bomb(n: usize) -> (String, String) {
        let ids: Vec<String> = (0..n).map(|i| format!("bq{i}")).collect();
        let questions: String = ids
            .iter()
            .map(|id| {
                format!(
                    "\n[[question]]\nid = \"{id}\"\nkind = \"yes_no\"\nprompt = \"p\"\nhelp = \"h\"\n"
                )
            })
            .collect();
        let last = &ids[n - 1];
        let when = format!("({}) and {last} and not {last}", ids[..n - 1].join(" or "));
        (questions, when)
    }

    fn obligation(id: &str, when: &str) -> String {
        format!(
            "\n[[obligation]]\nid = \"{id}\"\ntitle = \"t\"\ntext = \"t\"\nsource = \"s\"\nprinciples = [\"autonomy\"]\nwhen = \"{when}\"\nactions = [\"document_reasoning\"]\nconsult = \"supervisor\"\n"
        )
    }

    /// Deciding lists one option at a time, ticked first, the default pack costs about 100
    /// thousand condition nodes (every combination of options tried cost it 6 million).
    #[test]
    fn the_default_pack_is_decided_well_within_the_budget() {
        let (spent, d) = check_with("", "");
        assert_eq!(undecided(&d), 0);
        assert!(spent < TOTAL / 50, "{spent}");
    }

    /// A list of 30 options, each an answer that matters, is decided: reachable when the
    /// options can be ticked together, never when two exclude each other.
    #[test]
    fn a_list_of_thirty_options_that_all_matter_is_decided() {
        let options: Vec<String> = (0..30)
            .map(|i| format!("{{ id = \"o{i}\", label = \"o{i}\" }}"))
            .collect();
        let list = format!(
            "\n[[question]]\nid = \"big\"\nkind = \"any_of\"\nprompt = \"p\"\nhelp = \"h\"\noptions = [{}]\n",
            options.join(", ")
        );
        let all: Vec<String> = (0..30).map(|i| format!("'o{i}' in big")).collect();
        let every = all.join(" and ");
        let (_, d) = check_with(
            &list,
            &(obligation("every", &every)
                + &obligation("clash", &format!("{every} and not ('o29' in big)"))),
        );
        assert_eq!(undecided(&d), 0, "{d:?}");
        let never = |id: &str| {
            d.iter()
                .any(|x| matches!(&x.kind, DiagKind::NeverApplies { id: i } if i == id))
        };
        assert!(!never("every"), "{d:?}");
        assert!(never("clash"), "{d:?}");
    }

    #[test]
    fn a_bomb_over_forty_questions_is_undecided_within_one_item_budget() {
        let (base, _) = check_with("", "");
        let (questions, when) = bomb(40);
        let (spent, d) = check_with(&questions, &obligation("bomb", &when));
        assert_eq!(undecided(&d), 1, "{d:?}");
        assert!(
            spent <= base + PER_ITEM + PER_ITEM / 10,
            "{spent} over {base}"
        );
        let shown = d
            .iter()
            .find(|d| matches!(d.kind, DiagKind::Undecided { .. }))
            .expect("the warning");
        assert_eq!(shown.file, "obligations/extra.toml");
        assert!(shown.place.is_some());
        assert_eq!(
            shown.message(crate::vocab::Lang::En),
            "could not decide whether obligation `bomb` is reachable"
        );
    }

    #[test]
    fn a_thousand_bombs_cost_the_pack_budget_and_no_more() {
        let (questions, when) = bomb(40);
        let many: String = (0..1000)
            .map(|i| obligation(&format!("bomb{i}"), &when))
            .collect();
        let (spent, d) = check_with(&questions, &many);
        assert!(spent <= TOTAL, "{spent}");
        assert!(undecided(&d) > 0);
    }

    #[test]
    fn a_chain_of_a_thousand_ask_ifs_is_undecided_not_searched_a_thousand_deep() {
        let chain: String = (0..1000)
            .map(|i| {
                let ask = if i > 0 {
                    format!("ask_if = \"c{}\"\n", i - 1)
                } else {
                    String::new()
                };
                format!("\n[[question]]\nid = \"c{i}\"\nkind = \"yes_no\"\nprompt = \"p\"\nhelp = \"h\"\n{ask}")
            })
            .collect();
        let (spent, d) = check_with(&chain, &obligation("deep", "c999"));
        assert!(spent <= TOTAL, "{spent}");
        let deep = d
            .iter()
            .find(|d| matches!(&d.kind, DiagKind::Undecided { id, .. } if id == "deep"));
        assert!(deep.is_some(), "{d:?}");
        // Questions whose chain is short enough are still decided.
        assert!(
            !d.iter()
                .any(|d| { matches!(&d.kind, DiagKind::Undecided { id, .. } if id == "c100") })
        );
    }
}
