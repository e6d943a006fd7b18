//! The one number formatter of the diagram: whole numbers (step numbers, counts) and
//! coordinates written as decimal text without `format!`, whose float code would add to the
//! page's WebAssembly, and without an allocation of their own.

/// `n` in decimal, written into the end of `buf` (20 digits hold any `usize`).
pub fn whole(mut n: usize, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    // Two digits at a time.
    while n >= 100 {
        let pair = (n % 100) * 2;
        n /= 100;
        buf[i - 2..i].copy_from_slice(&PAIRS[pair..pair + 2]);
        i -= 2;
    }
    if n >= 10 {
        let pair = n * 2;
        buf[i - 2..i].copy_from_slice(&PAIRS[pair..pair + 2]);
        i -= 2;
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    std::str::from_utf8(&buf[i..]).unwrap_or("0")
}

/// Appends `v` rounded to one decimal, half away from zero, without the decimal when it is
/// zero: `12`, `12.5`, `-3.1`; `-0.04` is `0`.
pub fn push_tenths(out: &mut String, v: f32) {
    // Rounds without a libm call: `as` truncates toward zero (and saturates, so no value can
    // overflow).
    let t = v * 10.0;
    let tenths = if t < 0.0 { t - 0.5 } else { t + 0.5 } as i32;
    if tenths < 0 {
        out.push('-');
    }
    let n = tenths.unsigned_abs() as usize;
    out.push_str(whole(n / 10, &mut [0; 20]));
    let tenth = (n % 10) as u8;
    if tenth != 0 {
        out.push('.');
        out.push(char::from(b'0' + tenth));
    }
}

/// `00` to `99`.
const PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_and_tenths_read_as_written() {
        for (n, text) in [
            (0, "0"),
            (7, "7"),
            (10, "10"),
            (99, "99"),
            (100, "100"),
            (12345, "12345"),
        ] {
            assert_eq!(whole(n, &mut [0; 20]), text);
        }
        assert_eq!(whole(usize::MAX, &mut [0; 20]), usize::MAX.to_string());
        for (v, text) in [
            (0.0, "0"),
            (12.0, "12"),
            (12.5, "12.5"),
            (12.449, "12.4"),
            (12.45, "12.5"),
            (-3.04, "-3"),
            (-3.26, "-3.3"),
            (-0.04, "0"),
            (999.96, "1000"),
        ] {
            let mut out = String::new();
            push_tenths(&mut out, v);
            assert_eq!(out, text, "{v}");
        }
    }
}
