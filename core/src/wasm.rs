//! The WebAssembly module's exports: plain C-style functions over the module's memory, so a
//! web page needs no glue library. The page copies a UTF-8 JSON request into memory it got
//! from [`gbl_alloc`], calls [`gbl_check`] (or [`gbl_hint`], [`gbl_solution`]), reads the
//! response at the pointer in the low 32 bits of the result for the length in the high 32
//! bits, and gives both buffers back with [`gbl_free`]. The JSON is [`crate::api`]'s.

#![allow(unsafe_code)]

/// Memory for `len` bytes, for the page to write a request into (dangling for 0).
#[unsafe(no_mangle)]
pub extern "C" fn gbl_alloc(len: usize) -> *mut u8 {
    Box::into_raw(vec![0u8; len].into_boxed_slice()).cast::<u8>()
}

/// Gives back memory from [`gbl_alloc`] or a response, with the length it was given with.
///
/// # Safety
/// `ptr` and `len` must come from one [`gbl_alloc`] call or one response, freed once.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gbl_free(ptr: *mut u8, len: usize) {
    if ptr.is_null() {
        return;
    }
    // SAFETY: the caller passes a pointer and length from `gbl_alloc` or `respond`, both of
    // which leak a `Box<[u8]>` of exactly that length, and frees it once.
    drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)) });
}

/// Checks the request at `ptr` (`len` bytes): see [`crate::api::check`].
///
/// # Safety
/// `ptr` must point to `len` initialised bytes the page wrote (from [`gbl_alloc`]).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gbl_check(ptr: *const u8, len: usize) -> u64 {
    // SAFETY: the caller's contract above.
    respond(unsafe { request(ptr, len) }, crate::api::check)
}

/// The hint the request at `ptr` asks for: see [`crate::api::hint`].
///
/// # Safety
/// As [`gbl_check`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gbl_hint(ptr: *const u8, len: usize) -> u64 {
    // SAFETY: the caller's contract above.
    respond(unsafe { request(ptr, len) }, crate::api::hint)
}

/// The worked solution of the request at `ptr`: see [`crate::api::solution`].
///
/// # Safety
/// As [`gbl_check`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gbl_solution(ptr: *const u8, len: usize) -> u64 {
    // SAFETY: the caller's contract above.
    respond(unsafe { request(ptr, len) }, crate::api::solution)
}

/// The request's text; bytes that are not UTF-8 are replaced (the API then reports a JSON
/// error rather than trusting them).
///
/// # Safety
/// `ptr` must point to `len` initialised bytes, or be null with `len` 0.
unsafe fn request(ptr: *const u8, len: usize) -> String {
    if ptr.is_null() || len == 0 {
        return String::new();
    }
    // SAFETY: the caller guarantees `len` initialised bytes at `ptr`, alive for this call.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs `f` and leaks its response for the page: pointer in the low 32 bits, length in the
/// high 32 bits (a `Box<[u8]>` of that length, for [`gbl_free`]).
fn respond(request: String, f: fn(&str) -> String) -> u64 {
    let out = f(&request).into_bytes().into_boxed_slice();
    let len = out.len() as u64;
    let ptr = Box::into_raw(out).cast::<u8>() as usize as u64;
    (len << 32) | (ptr & 0xFFFF_FFFF)
}
