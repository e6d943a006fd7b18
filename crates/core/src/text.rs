//! Text measurement for the diagram: widths estimated from the characters (DejaVu Sans
//! metrics, the widest common fallback of the `system-ui` stack), and shortening with an
//! ellipsis or wrapping to fit.

/// The faces the diagram uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Font {
    Regular,
    Bold,
    Mono,
}

/// Characters that draw nothing: zero-width spaces and joiners, bidi controls. They are left
/// out of drawn text (a bidi override in a share name would reorder the rest of the label);
/// tooltips keep the text as typed.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}')
}

/// East Asian wide characters and emoji take about a whole em.
fn wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF | 0x20000..=0x3FFFD)
}

/// Advances of printable ASCII (`' '` to `'~'`) in thousandths of an em, in DejaVu Sans: the
/// widest common fallback of the `system-ui` stack (Segoe UI, San Francisco and Roboto are
/// narrower), so text measured with it fits wherever the diagram is shown.
static REGULAR: [u16; 95] = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
static BOLD: [u16; 95] = [
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683,
    683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771,
    724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665,
    343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

/// A character's advance in thousandths of an em.
fn advance(c: char, font: Font) -> u32 {
    match (c, font) {
        (' '..='~', Font::Regular) => u32::from(REGULAR[c as usize - 32]),
        (' '..='~', Font::Bold) => u32::from(BOLD[c as usize - 32]),
        _ if invisible(c) => 0,
        _ if wide(c) => 1000,
        (_, Font::Mono) => 610,
        ('…' | '—', _) => 1000,
        // The punctuation and markers the diagram's own words use.
        ('·' | '’' | '‘', Font::Regular) => 318,
        ('·' | '’' | '‘', Font::Bold) => 380,
        ('–', _) => 500,
        ('“' | '”', _) => 521,
        ('✓' | '✕' | '◷', _) => 838,
        // Other scripts and symbols: about a capital letter.
        _ => 850,
    }
}

/// `px` in thousandths of an em at font size `size`: what [`advance`] sums compare with.
fn milli(px: f32, size: f32) -> u32 {
    (px.max(0.0) / size * 1000.0) as u32
}

/// The estimated width of `text` in px.
pub fn text_width(text: &str, px: f32, font: Font) -> f32 {
    text.chars().map(|c| advance(c, font)).sum::<u32>() as f32 * px / 1000.0
}

/// The text as drawn: without invisible characters, control characters as U+FFFD.
fn drawable(text: &str) -> String {
    if text.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        return text.to_string();
    }
    text.chars()
        .filter(|&c| !invisible(c))
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

/// `text`, shortened at the end with an ellipsis to fit `max` px.
pub fn fit(text: &str, max: f32, px: f32, font: Font) -> String {
    let limit = milli(max, px);
    let room = limit.saturating_sub(advance('…', font));
    let mut w = 0;
    let mut cut = text.len();
    for (i, c) in text.char_indices() {
        w += advance(c, font);
        if w > room && cut == text.len() {
            cut = i;
        }
        if w > limit {
            let mut out = drawable(text[..cut].trim_end());
            out.push('…');
            return out;
        }
    }
    drawable(text)
}

/// `text`, shortened in the middle to fit `max` px: a path keeps its server and its last folder.
pub fn fit_middle(text: &str, max: f32, px: f32, font: Font) -> String {
    let limit = milli(max, px);
    if text.chars().map(|c| advance(c, font)).sum::<u32>() <= limit {
        return drawable(text);
    }
    let chars: Vec<char> = drawable(text).chars().collect();
    let half = limit.saturating_sub(advance('…', font)) / 2;
    let mut head = 0;
    let mut w = 0;
    while head < chars.len() && w + advance(chars[head], font) <= half {
        w += advance(chars[head], font);
        head += 1;
    }
    let mut tail = chars.len();
    w = 0;
    while tail > head && w + advance(chars[tail - 1], font) <= half {
        w += advance(chars[tail - 1], font);
        tail -= 1;
    }
    let mut out: String = chars[..head].iter().collect();
    out.push('…');
    out.extend(&chars[tail..]);
    out
}

/// `text` wrapped at spaces into at most `lines` lines of `max` px; the last line is
/// shortened with an ellipsis when the text goes on. A word longer than a line breaks after a
/// backslash, a slash or a hyphen in it (`DOMAIN\` / `COMPUTER$`, a path's folders), or else
/// where it overflows.
pub fn wrap(text: &str, max: f32, px: f32, font: Font, lines: usize) -> Vec<String> {
    let limit = milli(max, px);
    let mut out: Vec<String> = Vec::with_capacity(lines);
    let mut rest = text.trim();
    while !rest.is_empty() && out.len() < lines {
        if out.len() + 1 == lines {
            out.push(fit(rest, max, px, font));
            break;
        }
        // Where the text overflows the line, the last space before that, and the last place
        // inside a word to break after.
        let mut w = 0;
        let mut last_space = None;
        let mut last_mark = None;
        // Inside a word with no other place to break, between a lower-case and an upper-case
        // letter: `SMSCliToknLocal|Acct&`, not `SMSCliToknLocalA|cct&`.
        let mut last_hump = None;
        let mut overflow = None;
        let mut before = ' ';
        let mut chars = rest.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            w += advance(c, font);
            if w > limit {
                overflow = Some(i);
                break;
            }
            let next = chars.peek().map_or(' ', |&(_, n)| n);
            if c == ' ' {
                last_space = Some(i);
            } else if matches!(c, '\\' | '/' | '-') && before != c && next != c && next != ' ' {
                // (Not inside the `\\` that starts a path.)
                last_mark = Some(i + c.len_utf8());
            } else if c.is_lowercase() && next.is_uppercase() {
                last_hump = Some(i + c.len_utf8());
            }
            before = c;
        }
        let Some(over) = overflow else {
            out.push(drawable(rest));
            break;
        };
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let cut = match (last_space, last_mark) {
            (Some(s), Some(m)) if m > s + 1 => m,
            (Some(i), _) if i > 0 => i,
            (_, Some(m)) => m,
            _ => last_hump.unwrap_or(over).max(first),
        };
        out.push(drawable(rest[..cut].trim_end()));
        rest = rest[cut..].trim_start();
    }
    out
}
