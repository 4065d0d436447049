//! Builder methods of [`Contact`].

use super::Contact;
use crate::properties::{
    EmailAddressKey, ImAddressKey, PhoneNumberKey, PhysicalAddress, PhysicalAddressKey,
};

macro_rules! text_setters {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[must_use]
        pub fn $name(mut self, value: impl Into<String>) -> Self {
            self.$name = Some(value.into());
            self
        }
    )*};
}

impl Contact {
    /// An empty contact, to fill with the builder methods.
    pub fn new() -> Self {
        Self::default()
    }

    /// With the subject (`t:Subject` of the item base).
    #[must_use]
    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.item.subject = Some(subject.into());
        self
    }

    text_setters! {
        /// With the file-as name.
        file_as;
        /// With the display name.
        display_name;
        /// With the given (first) name.
        given_name;
        /// With the middle name.
        middle_name;
        /// With the surname.
        surname;
        /// With the nickname.
        nickname;
        /// With the company name.
        company_name;
        /// With the department.
        department;
        /// With the job title.
        job_title;
    }

    /// With the e-mail address `key` set to `address` (replacing the one with that key).
    #[must_use]
    pub fn email(mut self, key: EmailAddressKey, address: impl Into<String>) -> Self {
        self.email_addresses
            .get_or_insert_with(Default::default)
            .set(key, address);
        self
    }

    /// With the phone number `key` set to `number`.
    #[must_use]
    pub fn phone(mut self, key: PhoneNumberKey, number: impl Into<String>) -> Self {
        self.phone_numbers
            .get_or_insert_with(Default::default)
            .set(key, number);
        self
    }

    /// With the postal address `key` set to `address`.
    #[must_use]
    pub fn address(mut self, key: PhysicalAddressKey, address: PhysicalAddress) -> Self {
        self.physical_addresses
            .get_or_insert_with(Default::default)
            .set(key, address);
        self
    }

    /// With the instant messaging address `key` set to `address`.
    #[must_use]
    pub fn im_address(mut self, key: ImAddressKey, address: impl Into<String>) -> Self {
        self.im_addresses
            .get_or_insert_with(Default::default)
            .set(key, address);
        self
    }
}
