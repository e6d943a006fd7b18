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

/// Advances of printable ASCII (`' '` to `'~'`) in thousandths of an em, regular and bold:
/// the table in `dejavu-sans.txt`, read when the crate is compiled.
static ADVANCES: [[u16; 95]; 2] = read_advances(include_str!("dejavu-sans.txt"));

/// Reads the advances table: after `#` comment lines, one line a character from the space
/// (written `space`) to `~` in order, each `<character> <regular> <bold>`. A table that is not
/// so stops the build.
const fn read_advances(table: &str) -> [[u16; 95]; 2] {
    let b = table.as_bytes();
    let mut out = [[0u16; 95]; 2];
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        // `#` lines are comments before the table; within it, `#` is a character.
        if (n == 0 && b[i] == b'#') || b[i] == b'\n' {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            i += 1;
            continue;
        }
        assert!(n < 95, "more than 95 characters in the advances table");
        // The character, in order; the space is written `space`.
        if n == 0 {
            assert!(
                i + 5 <= b.len()
                    && b[i] == b's'
                    && b[i + 1] == b'p'
                    && b[i + 2] == b'a'
                    && b[i + 3] == b'c'
                    && b[i + 4] == b'e',
                "the advances table starts with the space, written `space`"
            );
            i += 5;
        } else {
            assert!(b[i] == 32 + n as u8, "the advances table is out of order");
            i += 1;
        }
        let mut face = 0;
        while face < 2 {
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            let start = i;
            let mut value: u16 = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                value = value * 10 + (b[i] - b'0') as u16;
                i += 1;
            }
            assert!(i > start, "a line of the advances table lacks a width");
            out[face][n] = value;
            face += 1;
        }
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        assert!(
            i == b.len() || b[i] == b'\n',
            "a line of the advances table has more than two widths"
        );
        i += 1;
        n += 1;
    }
    assert!(n == 95, "the advances table lacks characters");
    out
}

/// A character's advance in thousandths of an em.
fn advance(c: char, font: Font) -> u32 {
    match (c, font) {
        (' '..='~', Font::Regular) => u32::from(ADVANCES[0][c as usize - 32]),
        (' '..='~', Font::Bold) => u32::from(ADVANCES[1][c as usize - 32]),
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
