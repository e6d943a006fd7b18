//! The credflow page, the training build (`--features training`): the same app with the
//! comparison of two scenarios and the quiz, which `public/boot.js` loads for a link that asks
//! for one of them.

fn main() {
    credflow_web::start();
}
