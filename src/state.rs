//! The page's state: one scenario signal, the plan derived from it, and the side effects that
//! keep it in the URL fragment and localStorage. Components reach it through [`Store`].

use std::time::Duration;

use credflow_core::link::{decode_lenient, decode_link, encode_link, Link, View};
use credflow_core::{layout, normalise, plan, svg_inline, Change, Diagram, Plan, Scenario, Share};
use leptos::prelude::*;

use crate::browser;
use credflow_core::present::{change_sentence, default_step};

/// localStorage key of the last scenario (stored as its share-link fragment). `public/first.js`
/// reads it too (a visit with a saved scenario is not shown the prerendered page).
pub const SAVED_SCENARIO: &str = "credflow.scenario";

/// What the page shows: a scenario, and a comparison's second (what Undo goes back to).
pub type Shown = (Scenario, Option<Scenario>);

/// What the page tells the user above the planner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Something given could not be read; what is shown is the last good scenario.
    Error(String),
    /// The link in the address bar could not be read in full. Until the reader chooses what
    /// to open, the page shows what was wrong and what could be read, and no verdict or
    /// diagram at all: it never presents another scenario as the link's.
    Unread(Unread),
    /// The page opened without a link and restored the scenario saved in this browser, which
    /// may be someone else's (a shared training PC); its link is now in the address bar.
    Restored,
    /// The page adjusted choices to keep the scenario valid.
    Adjusted(Vec<String>),
    /// Something happened that can be undone (preset loaded, reset).
    Undoable(String),
    /// Plain information.
    Info(String),
}

/// A link that could not be read in full.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unread {
    /// What was wrong, one sentence each, naming the part.
    pub problems: Vec<String>,
    /// Every part of the link that could be read.
    pub readable: Link,
    /// Whether a scenario was open before the link was followed (and can be gone back to).
    pub had_scenario: bool,
}

impl Unread {
    fn of(readable: Link, errors: &[credflow_core::LinkError], had_scenario: bool) -> Unread {
        Unread {
            problems: errors
                .iter()
                .map(|e| credflow_core::present::capitalised(&format!("{e}.")))
                .collect(),
            readable,
            had_scenario,
        }
    }
}

/// The evidence a log gives for one step of the plan (the Diagnose panel).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogMark {
    pub n: usize,
    /// `line 4`, `lines 4 and 9`: every line that is evidence for the step.
    pub lines: String,
    /// Each piece of evidence: its lines and what it says.
    pub says: Vec<String>,
}

/// A read-only handle on one of the store's signals: components read it (tracked or not);
/// only the store's commands, in this module, reach the signal inside to write it.
pub struct Reader<T: 'static>(RwSignal<T>);

impl<T> Clone for Reader<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Reader<T> {}

impl<T: Send + Sync + 'static> Reader<T> {
    pub fn with<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.0.with(f)
    }
    pub fn with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.0.with_untracked(f)
    }
    pub fn track(&self) {
        self.0.track()
    }
}

impl<T: Clone + Send + Sync + 'static> Reader<T> {
    pub fn get(&self) -> T {
        self.0.get()
    }
    pub fn get_untracked(&self) -> T {
        self.0.get_untracked()
    }
}

/// The page's state, shared through context. Copy: every field is a signal.
///
/// Components read it through the public read-only handles and change it only through the
/// named commands ([`edit`](Store::edit), [`replace`](Store::replace), [`undo`](Store::undo),
/// [`select`](Store::select), …), so that every change of the scenario is normalised and the
/// non-SMS shares cannot fall out of step with it.
#[derive(Clone, Copy)]
pub struct Store {
    pub scenario: Reader<Scenario>,
    /// The non-SMS shares, set together with `scenario` (see [`Store::set_scenario`]) and only
    /// when they change: the share editor's rows follow this signal, so that a change elsewhere
    /// in the scenario does not even wake them (with hundreds of shares, thousands of effects).
    pub shares: Reader<Vec<Share>>,
    pub plan: Memo<Plan>,
    pub diagram: Memo<Diagram>,
    /// The diagram as the page shows it (without its style sheet, which the page has once).
    pub svg: Memo<String>,
    /// The step shown in the details panel.
    pub selected: Reader<Option<usize>>,
    /// Every finding is listed, not only the first few: asked for with "Show N more findings",
    /// and always when printing (the printout lists every non-ok step).
    pub all_findings: Reader<bool>,
    pub notice: Reader<Option<Notice>>,
    /// Whether the notice is a link that could not be read: the page then shows only that
    /// (changes only when that does, so the page is not redrawn for every other notice).
    pub unread: Memo<bool>,
    /// The second scenario of a comparison (B; the page compares it with `scenario`, A).
    pub compare: Reader<Option<Scenario>>,
    /// The scenario (and comparison) before the last reset, preset or comparison, for Undo.
    before: RwSignal<Option<Shown>>,
    pub view: Reader<View>,
    /// The scenario is asked as a question (`quiz=1`): its outcome stays hidden until
    /// answered (`src/components/quiz.rs`). Not saved as the reader's own scenario.
    pub quiz: Reader<bool>,
    /// What a log read in the Diagnose panel says about each step of the current plan (the
    /// steps with evidence only). Never in the link or storage: logs name servers and users.
    pub log_marks: Reader<Vec<LogMark>>,
    /// The fragment last written to the URL and localStorage.
    saved: StoredValue<String>,
    /// The debounced write not yet done.
    pending: StoredValue<Option<TimeoutHandle>>,
}

impl Store {
    /// The store for a scenario, without side effects (tests mount components with this).
    pub fn new(scenario: Scenario, view: View) -> Store {
        let write_shares = RwSignal::new(scenario.shares.clone());
        let write_scenario = RwSignal::new(scenario);
        let scenario = Reader(write_scenario);
        let plan = Memo::new(move |_| scenario.with(plan));
        let diagram = Memo::new(move |_| plan.with(layout));
        let svg = Memo::new(move |_| diagram.with(svg_inline));
        let write_selected = RwSignal::new(default_step(&plan.get_untracked()));
        let selected = Reader(write_selected);
        // A new plan selects its first failing step (or first problem) again.
        Effect::new(move |prev: Option<()>| {
            let step = plan.with(default_step);
            if prev.is_some() && selected.get_untracked() != step {
                write_selected.set(step);
            }
        });
        let saved = StoredValue::new(encode_link(&Link {
            scenario: scenario.get_untracked(),
            view,
            ..Link::default()
        }));
        let quiz = Reader(RwSignal::new(false));
        let write_notice = RwSignal::new(None::<Notice>);
        let notice = Reader(write_notice);
        let unread = Memo::new(move |_| notice.with(|n| matches!(n, Some(Notice::Unread(_)))));
        let write_all_findings = RwSignal::new(false);
        let write_view = RwSignal::new(view);
        Store {
            scenario,
            shares: Reader(write_shares),
            plan,
            diagram,
            svg,
            selected,
            all_findings: Reader(write_all_findings),
            notice,
            unread,
            compare: Reader(RwSignal::new(None)),
            before: RwSignal::new(None),
            view: Reader(write_view),
            quiz,
            log_marks: Reader(RwSignal::new(Vec::new())),
            saved,
            pending: StoredValue::new(None),
        }
    }

    pub fn get() -> Store {
        expect_context::<Store>()
    }

    /// Sets the scenario when it differs, and the shares when they do: a signal set to what
    /// it holds would still wake everything that reads it.
    fn set_scenario(&self, s: Scenario) {
        if self.scenario.with_untracked(|old| *old == s) {
            return;
        }
        if self.shares.with_untracked(|shares| *shares != s.shares) {
            self.shares.0.set(s.shares.clone());
        }
        self.scenario.0.set(s);
    }

    /// Sets the comparison's second scenario when it differs.
    fn set_compare(&self, b: Option<Scenario>) {
        if self.compare.with_untracked(|old| *old != b) {
            self.compare.0.set(b);
        }
    }

    /// Puts what the page shows into the address bar, in place of the link there, and saves it.
    fn write_address(&self) {
        let fragment = self.fragment();
        browser::replace_fragment(&fragment);
        self.saved_as(fragment);
    }

    /// Shows step `n` in the details panel (`None`: no step).
    pub fn select(&self, n: Option<usize>) {
        self.selected.0.set(n);
    }

    /// Lists every finding, not only the first few. After a test unmounts the page the store
    /// is gone and this does nothing.
    pub fn show_all_findings(&self) {
        self.all_findings.0.try_set(true);
    }

    /// Shows a notice above the planner (`None`: none).
    pub fn tell(&self, notice: Option<Notice>) {
        self.notice.0.set(notice);
    }

    /// Keeps `old` for Undo: the reader's own scenario when the page opened over it.
    pub fn keep_for_undo(&self, old: Option<Shown>) {
        self.before.set(old);
    }

    /// Opens with `b` as the comparison's second scenario (the link the page started from),
    /// as the address already shows it.
    pub fn start_with(&self, b: Option<Scenario>) {
        self.compare.0.set(b.map(|b| normalise(b).0));
        self.saved.set_value(self.fragment());
    }

    /// Shows `s`, as it is, with nothing to undo or say (a comparison's second side following
    /// the page's comparison).
    pub fn load(&self, s: Scenario) {
        self.set_scenario(s);
    }

    /// Sets the comparison's second scenario as its own wizard leaves it (normalised there).
    pub fn edit_compare(&self, b: Scenario) {
        self.set_compare(Some(b));
    }

    /// Compares the current scenario with `b`, or opens the comparison of `a` with `b`
    /// (`None`: no comparison), keeping what was open for Undo.
    pub fn replace_pair(&self, a: Scenario, b: Option<Scenario>, what: String) {
        let a = normalise(a).0;
        let b = b.map(|b| normalise(b).0);
        let old = (self.scenario.get_untracked(), self.compare.get_untracked());
        if old.0 == a && old.1 == b {
            self.tell(Some(Notice::Info(format!(
                "{what} It was already what the page shows."
            ))));
            return;
        }
        self.before.set(Some(old));
        self.tell(Some(Notice::Undoable(what)));
        self.set_compare(b);
        self.set_scenario(a);
        // A new history entry, so the browser's Back button undoes it too.
        let fragment = self.fragment();
        browser::push_fragment(&fragment);
        self.saved_as(fragment);
    }

    /// Puts B in A's place and A in B's.
    pub fn swap(&self) {
        if let Some(b) = self.compare.get_untracked() {
            let a = self.scenario.get_untracked();
            self.set_compare(Some(a));
            self.set_scenario(b);
        }
    }

    /// Marks the steps a log read in the Diagnose panel gives evidence for.
    pub fn mark_log(&self, marks: Vec<LogMark>) {
        self.log_marks.0.set(marks);
    }

    /// Asks the scenario as a question (`quiz=1`), or shows it with its answer. The link in
    /// the address bar follows.
    pub fn set_quiz(&self, on: bool) {
        self.quiz.0.set(on);
        if on {
            self.tell(None);
        }
    }

    /// Asks `s` as the next question of a quiz set: the question's link (`quiz=1`) replaces the
    /// one in the address bar, so that a reload asks it again.
    pub fn ask(&self, s: Scenario) {
        let (s, _) = normalise(s);
        self.set_quiz(true);
        self.set_scenario(s);
        self.write_address();
    }

    /// Closes the notice.
    pub fn dismiss(&self) {
        self.tell(None);
    }

    /// Applies an edit from the wizard, normalises the result and says what that changed.
    pub fn edit(&self, f: impl FnOnce(&mut Scenario)) {
        let mut s = self.scenario.get_untracked();
        f(&mut s);
        let (s, changes) = normalise(s);
        self.tell(adjusted(&changes));
        self.set_scenario(s);
    }

    /// Replaces the whole scenario (reset, preset), keeping the old one for Undo. A
    /// comparison ends: the page shows the one scenario.
    pub fn replace(&self, s: Scenario, what: String) {
        self.replace_pair(s, None, what);
    }

    /// Opens a link the reader chose after one could not be read (what could be read, or the
    /// defaults), and puts its own link in the address bar in place of the broken one.
    pub fn open_instead(&self, link: Link, what: &str) {
        let (scenario, changes) = normalise(link.scenario);
        self.tell(Some(match adjusted(&changes) {
            Some(Notice::Adjusted(mut lines)) => {
                lines.insert(0, what.to_string());
                Notice::Adjusted(lines)
            }
            _ => Notice::Info(what.to_string()),
        }));
        self.view.0.set(link.view);
        self.set_compare(link.compare.map(|b| normalise(b).0));
        self.set_scenario(scenario);
        self.write_address();
    }

    /// Goes back to the scenario that was open before a link that could not be read was
    /// followed: its link goes back into the address bar.
    pub fn keep_current(&self) {
        self.tell(None);
        self.write_address();
    }

    /// Cancels the pending debounced write, if any.
    fn cancel_pending(&self) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
        }
        self.pending.set_value(None);
    }

    /// Records that the URL shows `fragment`, and saves it for the next visit (not from an
    /// embedded page, which must not overwrite the reader's own last scenario).
    fn saved_as(&self, fragment: String) {
        self.cancel_pending();
        if self.view.get_untracked() == View::Full && !self.quiz.get_untracked() {
            browser::store(SAVED_SCENARIO, &fragment);
        }
        self.saved.set_value(fragment);
    }

    /// Restores the scenario before the last reset or preset.
    pub fn undo(&self) {
        if let Some((old, compare)) = self.before.get_untracked() {
            self.before.set(None);
            self.dismiss();
            self.set_compare(compare);
            self.set_scenario(old);
        }
    }

    /// The current share-link fragment (without `#`).
    pub fn fragment(&self) -> String {
        encode_link(&self.link(self.view.get_untracked()))
    }

    /// What the page shows, as a link in `view`: the scenario, and the comparison's second.
    fn link(&self, view: View) -> Link {
        Link {
            scenario: self.scenario.get_untracked(),
            compare: self.compare.get_untracked(),
            view,
            quiz: self.quiz.get_untracked(),
            ..Link::default()
        }
    }

    /// The full share link for what the page shows (full view), as the planner shows it: a
    /// question's link without `quiz=1`.
    pub fn share_link(&self) -> String {
        let fragment = encode_link(&Link {
            quiz: false,
            ..self.link(View::Full)
        });
        format!("{}#{fragment}", browser::page_url())
    }
}

/// The notice for a link opened over the reader's own scenario: what happened, then whatever
/// normalising the link's scenario changed, with an Undo back to the reader's own.
fn opened_over(what: &str, changes: &[Change]) -> Notice {
    let mut text = what.to_string();
    for change in changes {
        text.push(' ');
        text.push_str(&change_sentence(change));
    }
    Notice::Undoable(text)
}

fn adjusted(changes: &[Change]) -> Option<Notice> {
    (!changes.is_empty()).then(|| Notice::Adjusted(changes.iter().map(change_sentence).collect()))
}

/// Where the page starts: the link in the URL, else the saved scenario, else the defaults.
/// Whatever cannot be read is reported, never fatal. A link that cannot be read in full is
/// not replaced by another scenario: the page shows what was wrong and what could be read
/// ([`Notice::Unread`]) until the reader chooses. A scenario restored from storage says so,
/// and its link goes into the address bar.
pub fn initial() -> (Link, Option<Notice>, Option<Shown>) {
    let hash = browser::fragment();
    // What the planner's build handed over to this one with a comparison or a question: its
    // notice and its Undo (read once, whatever the link; the planner's build leaves it).
    #[cfg(feature = "training")]
    let handoff = take_handoff();
    #[cfg(not(feature = "training"))]
    let handoff = None::<(Option<Notice>, Option<Shown>)>;
    if !hash.is_empty() {
        let (link, errors) = decode_lenient(&hash);
        if !errors.is_empty() {
            // The store holds the defaults, unshown, in the view the link asks for.
            let view = if link.view == View::Embed {
                View::Embed
            } else {
                embed_hint(&hash)
            };
            let theme = link.theme;
            let unread = Unread::of(link, &errors, false);
            return (
                Link {
                    scenario: Scenario::default(),
                    view,
                    theme,
                    ..Link::default()
                },
                Some(Notice::Unread(unread)),
                None,
            );
        }
        let (scenario, changes) = normalise(link.scenario);
        if let Some((notice, before)) = handoff {
            return (Link { scenario, ..link }, notice, before);
        }
        let mut notice = adjusted(&changes);
        // The reader's own last scenario is about to be overwritten in storage by the link's:
        // it stays one Undo away (never in the embed view, which does not save).
        let mut undo = None;
        if link.view == View::Full && !link.quiz {
            if let (Some((own, _)), _) = saved() {
                if own != scenario && own != Scenario::default() {
                    notice = Some(opened_over(
                        "You opened a link to a scenario. The one you last worked on in this \
                         browser is one Undo away.",
                        &changes,
                    ));
                    undo = Some((own, None));
                }
            }
        }
        return (Link { scenario, ..link }, notice, undo);
    }
    match saved() {
        (Some((s, compare)), _) if s != Scenario::default() || compare.is_some() => {
            let link = Link {
                scenario: s,
                compare,
                view: View::Full,
                ..Link::default()
            };
            browser::replace_fragment(&encode_link(&link));
            (link, Some(Notice::Restored), None)
        }
        (Some(_), _) => (Link::default(), None, None),
        (None, Some(e)) => (
            Link::default(),
            Some(Notice::Error(format!(
                "The saved scenario could not be read: {e}. Showing the defaults."
            ))),
            None,
        ),
        (None, None) => (Link::default(), None, None),
    }
}

/// The reader's own saved scenario, when a link (`quiz`, `view`) takes the page from a question
/// to the planner with another scenario: saving the link's would overwrite it.
fn own_after_question(store: Store, quiz: bool, view: View, scenario: &Scenario) -> Option<Shown> {
    if !store.quiz.get_untracked() || quiz || view != View::Full {
        return None;
    }
    saved()
        .0
        .filter(|(own, b)| (own != scenario || b.is_some()) && *own != Scenario::default())
}

/// A link that cannot be read still asks for the embed view if it says so.
fn embed_hint(hash: &str) -> View {
    if hash.split('&').any(|p| p == "view=embed") {
        View::Embed
    } else {
        View::Full
    }
}

/// The saved scenario (and the comparison's second), or why it could not be read.
fn saved() -> (Option<Shown>, Option<String>) {
    match browser::load(SAVED_SCENARIO) {
        None => (None, None),
        Some(text) => match decode_link(&text) {
            Ok(link) => (
                Some((
                    normalise(link.scenario).0,
                    link.compare.map(|b| normalise(b).0),
                )),
                None,
            ),
            Err(e) => (None, Some(e.to_string())),
        },
    }
}

/// Keeps the URL fragment and localStorage in step with the scenario (debounced), and the
/// scenario in step with the fragment when the user navigates (Back, Forward, an edited
/// address).
pub fn sync(store: Store) {
    Effect::new(move |_| {
        store.scenario.track();
        store.compare.track();
        store.quiz.track();
        let fragment = encode_link(&store.link(store.view.get()));
        // Back where the URL already is (an undo, a change undone quickly): nothing to write,
        // and an older pending write must not land.
        store.cancel_pending();
        if store.saved.with_value(|w| *w == fragment) {
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                browser::replace_fragment(&fragment);
                store.saved_as(fragment);
            },
            Duration::from_millis(250),
        );
        store.pending.set_value(handle.ok());
    });

    let follow = move || {
        let hash = browser::fragment();
        if store.saved.with_value(|w| *w == hash) {
            // Back to the scenario shown before a link that could not be read.
            if store.unread.get_untracked() {
                store.dismiss();
            }
            return;
        }
        // An in-page anchor (`#verdict`), not a link.
        if !hash.contains('=') && document().get_element_by_id(&hash).is_some() {
            return;
        }
        let (link, errors) = decode_lenient(&hash);
        if !errors.is_empty() {
            // The scenario that was open stays in the store, unshown, to go back to.
            store.cancel_pending();
            store.tell(Some(Notice::Unread(Unread::of(link, &errors, true))));
            return;
        }
        let (scenario, changes) = normalise(link.scenario);
        let old = store.scenario.get_untracked();
        let plain = !link.quiz && !store.quiz.get_untracked();
        if old != scenario
            && plain
            && link.view == View::Full
            && store.view.get_untracked() == View::Full
        {
            // A link followed in the open page (pasted, Back, Forward): what was open stays one
            // Undo away.
            let notice = opened_over(
                "The scenario of the address bar is open. The one you had is one Undo away.",
                &changes,
            );
            store.tell(Some(notice));
            store.before.set(Some((old, store.compare.get_untracked())));
        } else if let Some(own) = own_after_question(store, link.quiz, link.view, &scenario) {
            // A question opened in the planner ("Try it in the planner"): it becomes the saved
            // scenario, and the reader's own stays one Undo away.
            store.tell(Some(opened_over(
                "The question's scenario is open in the planner. The one you last worked on in \
                 this browser is one Undo away.",
                &changes,
            )));
            store.before.set(Some(own));
        } else {
            store.tell(adjusted(&changes));
        }
        store.view.0.set(link.view);
        store.set_compare(link.compare.map(|b| normalise(b).0));
        store.quiz.0.set(link.quiz);
        store.saved_as(hash);
        store.set_scenario(scenario);
    };
    // The listeners stay as long as the page (dropping a handle does not remove one).
    let _ = window_event_listener(leptos::ev::hashchange, move |_| follow());
    let _ = window_event_listener(leptos::ev::popstate, move |_| follow());
}

/// localStorage key of what the planner's build hands to the training build when it reloads
/// into it (`hand_off`): the scenario Undo goes back to, as a link, then the notice. Read once.
const HANDOFF: &str = "credflow.handoff";

/// The planner's build, asked for a comparison or a question, which only the training build
/// has: keeps what Undo goes back to and the notice, and reloads the page, whose link (in the
/// address bar) makes `public/boot.js` start the training build. Should this build start
/// again with a handoff unread, it says so rather than reload for ever.
#[cfg(not(feature = "training"))]
pub fn hand_off(store: Store) -> impl IntoView {
    if browser::load(HANDOFF).is_some() {
        browser::remove(HANDOFF);
        return view! {
            <main id="main">
                <p class="notice error" role="alert">"The comparison or the question could not be opened: the page's training files did not start. Reload the page, or open the link in a new window."</p>
            </main>
        }
        .into_any();
    }
    let before = store
        .before
        .get_untracked()
        .map(|(scenario, compare)| {
            encode_link(&Link {
                scenario,
                compare,
                ..Link::default()
            })
        })
        .unwrap_or_default();
    let notice = match store.notice.get_untracked() {
        Some(Notice::Undoable(text)) => format!("undo\n{text}"),
        Some(Notice::Info(text)) => format!("info\n{text}"),
        Some(Notice::Restored) => "restored\n".into(),
        _ => "none\n".into(),
    };
    let handoff = format!("{before}\n{notice}");
    browser::store(HANDOFF, &handoff);
    if browser::load(HANDOFF).as_deref() != Some(handoff.as_str()) {
        // No storage (a sandboxed frame): a reload could not tell a second start from the
        // first, so none.
        return view! {
            <main id="main">
                <p class="notice error" role="alert">"This page cannot open a comparison or a question here, because the browser keeps no storage for it. Open the link in a window of its own."</p>
            </main>
        }
        .into_any();
    }
    browser::replace_fragment(&store.fragment());
    let _ = window().location().reload();
    view! {
        <main id="main">
            <p class="notice info" role="status">"Opening…"</p>
        </main>
    }
    .into_any()
}

/// What the planner's build handed over, once: the notice, and what Undo goes back to.
#[cfg(feature = "training")]
fn take_handoff() -> Option<(Option<Notice>, Option<Shown>)> {
    let text = browser::load(HANDOFF)?;
    browser::remove(HANDOFF);
    let mut lines = text.splitn(3, '\n');
    let before = lines.next().unwrap_or_default();
    let kind = lines.next().unwrap_or_default();
    let words = lines.next().unwrap_or_default().to_string();
    let before = (!before.is_empty())
        .then(|| decode_link(before).ok())
        .flatten()
        .map(|l| (normalise(l.scenario).0, l.compare.map(|b| normalise(b).0)));
    let notice = match kind {
        "undo" if before.is_some() => Some(Notice::Undoable(words)),
        "undo" | "info" => Some(Notice::Info(words)),
        "restored" => Some(Notice::Restored),
        _ => None,
    };
    Some((notice, before))
}
