//! The indexed properties of contacts: dictionaries of `t:Entry` elements told apart by
//! their `Key` attribute (e-mail addresses, phone numbers, postal addresses, IM addresses).
//!
//! ```
//! use ews_model::properties::{PhoneNumberKey, PhoneNumbers, PhysicalAddress, PhysicalAddressKey,
//!     PhysicalAddresses};
//!
//! let mut phones = PhoneNumbers::default();
//! phones.set(PhoneNumberKey::MobilePhone, "+1 555 0100");
//! phones.set(PhoneNumberKey::BusinessPhone, "+1 555 0199");
//! phones.set(PhoneNumberKey::MobilePhone, "+1 555 0101");
//! assert_eq!(phones.get(PhoneNumberKey::MobilePhone), Some("+1 555 0101"));
//! assert_eq!(phones.len(), 2);
//!
//! let mut addresses = PhysicalAddresses::default();
//! addresses.set(PhysicalAddressKey::Home, PhysicalAddress::default().with_city("Springfield"));
//! assert_eq!(addresses.get(PhysicalAddressKey::Home).and_then(|a| a.city.as_deref()), Some("Springfield"));
//! ```
//!
//! The schema requires at least one entry in a dictionary that is written: a contact field
//! holds an `Option` of the dictionary and leaves it out when it is empty.

pub use email::{EmailAddress, EmailAddressKey, EmailAddresses};
pub use im::{ImAddress, ImAddressKey, ImAddresses};
pub use phone::{PhoneNumber, PhoneNumberKey, PhoneNumbers};
pub use physical::{PhysicalAddress, PhysicalAddressKey, PhysicalAddresses};

/// The lookup methods every dictionary has.
macro_rules! dictionary {
    ($dict:ident, $entry:ident, $key:ident) => {
        impl $dict {
            /// The entry for `key`.
            pub fn entry(&self, key: $key) -> Option<&$entry> {
                self.entries.iter().find(|e| e.key == key)
            }

            /// Adds `entry`, replacing the entry with the same key (which is returned).
            pub fn insert(&mut self, entry: $entry) -> Option<$entry> {
                match self.entries.iter_mut().find(|e| e.key == entry.key) {
                    Some(old) => Some(std::mem::replace(old, entry)),
                    None => {
                        self.entries.push(entry);
                        None
                    }
                }
            }

            /// Removes the entry for `key` and returns it.
            pub fn remove(&mut self, key: $key) -> Option<$entry> {
                let at = self.entries.iter().position(|e| e.key == key)?;
                Some(self.entries.remove(at))
            }

            /// The number of entries.
            pub fn len(&self) -> usize {
                self.entries.len()
            }

            /// Whether there is no entry (then the dictionary must not be written).
            pub fn is_empty(&self) -> bool {
                self.entries.is_empty()
            }

            /// The entries, in document order.
            pub fn iter(&self) -> std::slice::Iter<'_, $entry> {
                self.entries.iter()
            }
        }

        impl FromIterator<$entry> for $dict {
            /// A dictionary of the entries; a later entry replaces an earlier one with its key.
            fn from_iter<I: IntoIterator<Item = $entry>>(iter: I) -> Self {
                let mut dict = Self::default();
                for entry in iter {
                    dict.insert(entry);
                }
                dict
            }
        }

        impl<'a> IntoIterator for &'a $dict {
            type Item = &'a $entry;
            type IntoIter = std::slice::Iter<'a, $entry>;
            fn into_iter(self) -> Self::IntoIter {
                self.entries.iter()
            }
        }
    };
}

mod email;
mod im;
mod phone;
mod physical;
