//! Any bytes as a share link (lossily made UTF-8, as a browser's address bar would): `decode`
//! never panics, an error names its key in its message and quotes at most 80 characters of the value, and a
//! link that decodes encodes to a link that decodes to the same thing and survives
//! normalisation twice the same way.

#![no_main]

use credflow_core::link::{decode_link, encode_link, LinkError};
use credflow_core::normalise;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    match decode_link(&input) {
        Ok(link) => {
            let text = encode_link(&link);
            assert!(text.is_ascii() && !text.contains('#'), "{text}");
            assert_eq!(
                decode_link(&text).as_ref(),
                Ok(&link),
                "re-encoded as {text}"
            );
            assert_eq!(decode_link(&format!("#{text}")).as_ref(), Ok(&link));
            let (once, _) = normalise(link.scenario);
            let (twice, changes) = normalise(once.clone());
            assert_eq!(once, twice);
            assert!(changes.is_empty(), "{changes:?}");
        }
        Err(e) => {
            // The message names the key (which may be empty: `=1`).
            let message = e.to_string();
            assert!(message.contains(e.key()), "{message}");
            // Quoted values are cut at 80 characters (plus an ellipsis), so a hostile link
            // cannot flood the message line.
            if let LinkError::UnknownKey { key } = &e {
                assert!(key.chars().count() <= 81, "{key}");
            }
            if let LinkError::UnknownValue { value, .. } | LinkError::BadShare { value, .. } = &e {
                assert!(value.chars().count() <= 81, "{value}");
            }
        }
    }
});
