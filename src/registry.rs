//! Opaque handles: registry keys disguised as pointers.
//!
//! A handle pointer is an id into a per-type registry and is never
//! dereferenced, so a freed, double-freed or wrongly typed handle is
//! detected (lookup fails) instead of corrupting memory. Ids are never reused.

use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, LazyLock, RwLock,
    },
};

static NEXT_ID: AtomicUsize = AtomicUsize::new(0x1000);
const ID_STEP: usize = 0x10;

/// A registry of live objects of one type.
pub struct Registry<T> {
    live: LazyLock<RwLock<HashMap<usize, Arc<T>>>>,
}

impl<T> Default for Registry<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> Registry<T> {
    /// An empty registry (usable in a `static`).
    pub const fn new() -> Self {
        Registry {
            live: LazyLock::new(|| RwLock::new(HashMap::new())),
        }
    }

    /// Registers an object; returns its id (never 0).
    pub fn insert(&self, value: Arc<T>) -> usize {
        let id = NEXT_ID.fetch_add(ID_STEP, Ordering::Relaxed);
        self.live
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id, value);
        id
    }

    /// The live object with this id.
    pub fn get(&self, id: usize) -> Option<Arc<T>> {
        self.live
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(&id)
            .cloned()
    }

    /// Unregisters an object; `None` when it was not live.
    pub fn remove(&self, id: usize) -> Option<Arc<T>> {
        self.live
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&id)
    }
}
