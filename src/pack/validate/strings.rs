//! Where each byte of a TOML string's value stands in the file.
//!
//! A condition's problems are found in the string's value; to point at them in the file, each
//! byte of the value is mapped back through the quotes, escapes (`\"`, `\u00e9`) and line
//! continuations (a `\` at the end of a line in a `"""` string) of the token as written.

/// For a string token as written (quotes included), the offset in the token of each byte of
/// its value, and one more for the end. `None` when the token is not a string.
pub fn value_offsets(token: &str) -> Option<Vec<usize>> {
    let b = token.as_bytes();
    let (open, multi, literal) = if token.starts_with("\"\"\"") {
        (3, true, false)
    } else if token.starts_with("'''") {
        (3, true, true)
    } else if token.starts_with('"') {
        (1, false, false)
    } else if token.starts_with('\'') {
        (1, false, true)
    } else {
        return None;
    };
    let close = if multi { 3 } else { 1 };
    if b.len() < open + close {
        return None;
    }
    let end = b.len() - close;
    let mut i = open;
    // A newline right after the opening quotes of a multi-line string is not part of it.
    if multi {
        if b.get(i) == Some(&b'\n') {
            i += 1;
        } else if b.get(i) == Some(&b'\r') && b.get(i + 1) == Some(&b'\n') {
            i += 2;
        }
    }
    let mut out = Vec::with_capacity(end.saturating_sub(i) + 1);
    while i < end {
        if !literal && b[i] == b'\\' {
            let start = i;
            match b.get(i + 1) {
                // A line continuation: the backslash, the line break and the white space that
                // follows are not part of the value.
                Some(c) if multi && (c.is_ascii_whitespace()) => {
                    let mut j = i + 1;
                    while j < end && matches!(b[j], b' ' | b'\t') {
                        j += 1;
                    }
                    if j < end && matches!(b[j], b'\n' | b'\r') {
                        while j < end && b[j].is_ascii_whitespace() {
                            j += 1;
                        }
                        i = j;
                        continue;
                    }
                    out.push(start);
                    i += 2;
                }
                Some(b'u') => {
                    let len = decoded_len(&token[i + 2..(i + 6).min(end)], 4);
                    out.extend(std::iter::repeat_n(start, len));
                    i += 6;
                }
                Some(b'U') => {
                    let len = decoded_len(&token[i + 2..(i + 10).min(end)], 8);
                    out.extend(std::iter::repeat_n(start, len));
                    i += 10;
                }
                Some(b'x') => {
                    let len = decoded_len(&token[i + 2..(i + 4).min(end)], 2);
                    out.extend(std::iter::repeat_n(start, len));
                    i += 4;
                }
                Some(_) => {
                    out.push(start);
                    i += 2;
                }
                None => break,
            }
        } else {
            out.push(i);
            i += 1;
        }
    }
    out.push(end.min(i.max(open)));
    Some(out)
}

/// The UTF-8 length of the character a hex escape stands for.
fn decoded_len(hex: &str, digits: usize) -> usize {
    if hex.len() != digits {
        return 1;
    }
    u32::from_str_radix(hex, 16)
        .ok()
        .and_then(char::from_u32)
        .map_or(1, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value's bytes, read through the map, are the token's bytes at those places.
    fn map(token: &str) -> Vec<usize> {
        value_offsets(token).unwrap()
    }

    #[test]
    fn plain_strings_shift_by_the_quote() {
        assert_eq!(map("\"ab\""), vec![1, 2, 3]);
        assert_eq!(map("'ab'"), vec![1, 2, 3]);
    }

    #[test]
    fn escapes_map_to_where_they_start() {
        // value: a"b  (the escape is two bytes written, one byte of value)
        assert_eq!(map(r#""a\"b""#), vec![1, 2, 4, 5]);
        // value: é (two bytes) from \u00e9
        assert_eq!(map(r#""\u00e9x""#), vec![1, 1, 7, 8]);
    }

    #[test]
    fn line_continuations_and_the_first_newline_are_skipped() {
        let token = "\"\"\"\na and \\\n    b\"\"\"";
        let m = map(token);
        // value: "a and b"
        let value = "a and b";
        assert_eq!(m.len(), value.len() + 1);
        for (i, ch) in value.bytes().enumerate() {
            assert_eq!(token.as_bytes()[m[i]], ch, "byte {i}");
        }
    }

    #[test]
    fn not_a_string() {
        assert_eq!(value_offsets("12"), None);
    }
}
