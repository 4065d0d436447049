//! Contacts (`t:Contact`, `ContactItemType` of `types.xsd`).
//!
//! ```
//! use ews_model::items::contact::Contact;
//! use ews_model::properties::{EmailAddressKey, PhoneNumberKey};
//!
//! let contact = Contact::new()
//!     .given_name("Ann")
//!     .surname("Lee")
//!     .display_name("Ann Lee")
//!     .email(EmailAddressKey::EmailAddress1, "ann@example.test")
//!     .phone(PhoneNumberKey::MobilePhone, "+1 555 0100");
//! let phones = contact.phone_numbers.as_ref().unwrap();
//! assert_eq!(phones.get(PhoneNumberKey::MobilePhone), Some("+1 555 0100"));
//! ```
//!
//! The dictionaries (`EmailAddresses`, `PhysicalAddresses`, `PhoneNumbers`, `ImAddresses`)
//! are indexed properties: the field table describes them by `IndexedFieldURI` with every
//! `FieldIndex` label (`Contact::PHONE_NUMBERS`; the physical addresses once per part,
//! `Contact::PHYSICAL_ADDRESSES_STREET`, ...), then by the `FieldURI` of the whole dictionary
//! (`Contact::PHONE_NUMBERS_DICTIONARY`, `Contact::PHYSICAL_ADDRESSES`).
//!
//! The fields after `DirectReports` are Exchange Online's: read-only, and in the field table
//! from version `V2015_10_05` on. The two with structures of their own (`AbchEmailAddresses`,
//! `Urls`) are kept whole as [`Element`] trees and skipped by serde.

mod builder;
mod values;

use ews_xml::{Element, XmlRead, XmlWrite};

pub use values::{ContactSource, FileAsMapping, PostalAddressIndex};

use crate::items::Base64Binary;
use crate::items::ItemBase;
use crate::properties::{
    CompleteName, EmailAddresses, ImAddresses, Mailbox, PhoneNumbers, PhysicalAddresses,
};
use crate::time::DateTime;

/// A contact (`t:Contact`): the item base, then the contact fields in the schema's order.
///
/// See [Contact](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/contact).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, crate::Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "Contact")]
#[non_exhaustive]
pub struct Contact {
    /// The fields every item has.
    #[xml(flatten)]
    #[field(base)]
    pub item: ItemBase,
    /// `t:FileAs`: how the contact is filed.
    #[field(uri = "contacts:FileAs", searchable)]
    pub file_as: Option<String>,
    /// `t:FileAsMapping`: how `FileAs` is built from the name parts.
    #[field(uri = "contacts:FileAsMapping", searchable)]
    pub file_as_mapping: Option<FileAsMapping>,
    /// `t:DisplayName`.
    #[field(uri = "contacts:DisplayName", searchable, required)]
    pub display_name: Option<String>,
    /// `t:GivenName`.
    #[field(uri = "contacts:GivenName", searchable)]
    pub given_name: Option<String>,
    /// `t:Initials`.
    #[field(uri = "contacts:Initials", searchable)]
    pub initials: Option<String>,
    /// `t:MiddleName`.
    #[field(uri = "contacts:MiddleName", searchable)]
    pub middle_name: Option<String>,
    /// `t:Nickname`.
    #[field(uri = "contacts:Nickname", searchable)]
    pub nickname: Option<String>,
    /// `t:CompleteName`: every part of the name.
    #[field(uri = "contacts:CompleteName", read_only)]
    pub complete_name: Option<CompleteName>,
    /// `t:CompanyName`.
    #[field(uri = "contacts:CompanyName", searchable)]
    pub company_name: Option<String>,
    /// `t:EmailAddresses`: up to three, by key (`None` or at least one entry). In the field
    /// table: `email_addresses` (indexed, `contacts:EmailAddress`), then
    /// `email_addresses_dictionary` (the whole, `contacts:EmailAddresses`); the same for
    /// phone numbers and IM addresses.
    #[field(
        index = "contacts:EmailAddress",
        labels = "EmailAddress1 EmailAddress2 EmailAddress3",
        searchable
    )]
    #[field(uri = "contacts:EmailAddresses", name = "email_addresses_dictionary")]
    pub email_addresses: Option<EmailAddresses>,
    /// `t:AbchEmailAddresses`, kept whole.
    #[cfg_attr(feature = "serde", serde(skip))]
    #[field(uri = "contacts:AbchEmailAddresses", read_only, since = "V2015_10_05")]
    pub abch_email_addresses: Option<Element>,
    /// `t:PhysicalAddresses`: home, business and other addresses. The field table has one
    /// indexed entry per part (`physical_addresses_street` for `contacts:PhysicalAddress:Street`,
    /// `_city`, `_state`, `_country_or_region`, `_postal_code`), then the whole dictionary
    /// (`physical_addresses`, `contacts:PhysicalAddresses`).
    #[field(
        index = "contacts:PhysicalAddress:Street",
        labels = "Home Business Other",
        searchable,
        name = "physical_addresses_street"
    )]
    #[field(
        index = "contacts:PhysicalAddress:City",
        labels = "Home Business Other",
        searchable,
        name = "physical_addresses_city"
    )]
    #[field(
        index = "contacts:PhysicalAddress:State",
        labels = "Home Business Other",
        searchable,
        name = "physical_addresses_state"
    )]
    #[field(
        index = "contacts:PhysicalAddress:CountryOrRegion",
        labels = "Home Business Other",
        searchable,
        name = "physical_addresses_country_or_region"
    )]
    #[field(
        index = "contacts:PhysicalAddress:PostalCode",
        labels = "Home Business Other",
        searchable,
        name = "physical_addresses_postal_code"
    )]
    #[field(uri = "contacts:PhysicalAddresses")]
    pub physical_addresses: Option<PhysicalAddresses>,
    /// `t:PhoneNumbers`, by key.
    #[field(
        index = "contacts:PhoneNumber",
        labels = "AssistantPhone BusinessFax BusinessPhone BusinessPhone2 Callback CarPhone CompanyMainPhone HomeFax HomePhone HomePhone2 Isdn MobilePhone OtherFax OtherTelephone Pager PrimaryPhone RadioPhone Telex TtyTddPhone BusinessMobile IPPhone Mms Msn",
        searchable
    )]
    #[field(uri = "contacts:PhoneNumbers", name = "phone_numbers_dictionary")]
    pub phone_numbers: Option<PhoneNumbers>,
    /// `t:AssistantName`.
    #[field(uri = "contacts:AssistantName", searchable)]
    pub assistant_name: Option<String>,
    /// `t:Birthday`.
    #[field(uri = "contacts:Birthday", searchable)]
    pub birthday: Option<DateTime>,
    /// `t:BusinessHomePage`: a URI.
    #[field(uri = "contacts:BusinessHomePage", searchable)]
    pub business_home_page: Option<String>,
    /// `t:Children/t:String`: the names of the contact's children.
    #[xml(wrapper = "Children", item = "String")]
    #[field(uri = "contacts:Children")]
    pub children: Vec<String>,
    /// `t:Companies/t:String`.
    #[xml(wrapper = "Companies", item = "String")]
    #[field(uri = "contacts:Companies")]
    pub companies: Vec<String>,
    /// `t:ContactSource`: the store or the directory.
    #[field(uri = "contacts:ContactSource", searchable, read_only)]
    pub contact_source: Option<ContactSource>,
    /// `t:Department`.
    #[field(uri = "contacts:Department", searchable)]
    pub department: Option<String>,
    /// `t:Generation`: the suffix (Jr., III).
    #[field(uri = "contacts:Generation", searchable)]
    pub generation: Option<String>,
    /// `t:ImAddresses`: instant messaging addresses, by key.
    #[field(
        index = "contacts:ImAddress",
        labels = "ImAddress1 ImAddress2 ImAddress3",
        searchable
    )]
    #[field(uri = "contacts:ImAddresses", name = "im_addresses_dictionary")]
    pub im_addresses: Option<ImAddresses>,
    /// `t:JobTitle`.
    #[field(uri = "contacts:JobTitle", searchable)]
    pub job_title: Option<String>,
    /// `t:Manager`: the manager's name.
    #[field(uri = "contacts:Manager", searchable)]
    pub manager: Option<String>,
    /// `t:Mileage`.
    #[field(uri = "contacts:Mileage", searchable)]
    pub mileage: Option<String>,
    /// `t:OfficeLocation`.
    #[field(uri = "contacts:OfficeLocation", searchable)]
    pub office_location: Option<String>,
    /// `t:PostalAddressIndex`: which address is the mailing address.
    #[field(uri = "contacts:PostalAddressIndex", searchable)]
    pub postal_address_index: Option<PostalAddressIndex>,
    /// `t:Profession`.
    #[field(uri = "contacts:Profession", searchable)]
    pub profession: Option<String>,
    /// `t:SpouseName`.
    #[field(uri = "contacts:SpouseName", searchable)]
    pub spouse_name: Option<String>,
    /// `t:Surname`.
    #[field(uri = "contacts:Surname", searchable)]
    pub surname: Option<String>,
    /// `t:WeddingAnniversary`.
    #[field(uri = "contacts:WeddingAnniversary", searchable)]
    pub wedding_anniversary: Option<DateTime>,
    /// `t:HasPicture`: whether a contact photo is attached.
    #[field(
        uri = "contacts:HasPicture",
        searchable,
        read_only,
        since = "Exchange2010"
    )]
    pub has_picture: Option<bool>,
    /// `t:PhoneticFullName`.
    #[field(
        uri = "contacts:PhoneticFullName",
        read_only,
        since = "Exchange2010_SP2"
    )]
    pub phonetic_full_name: Option<String>,
    /// `t:PhoneticFirstName`.
    #[field(
        uri = "contacts:PhoneticFirstName",
        read_only,
        since = "Exchange2010_SP2"
    )]
    pub phonetic_first_name: Option<String>,
    /// `t:PhoneticLastName`.
    #[field(
        uri = "contacts:PhoneticLastName",
        read_only,
        since = "Exchange2010_SP2"
    )]
    pub phonetic_last_name: Option<String>,
    /// `t:Alias` (directory contacts).
    #[field(uri = "contacts:Alias", read_only, since = "Exchange2010_SP2")]
    pub alias: Option<String>,
    /// `t:Notes` (directory contacts; a store contact's notes are its body).
    #[field(uri = "contacts:Notes", read_only, since = "Exchange2010_SP2")]
    pub notes: Option<String>,
    /// `t:Photo` (directory contacts).
    #[field(uri = "contacts:Photo", read_only, since = "Exchange2010_SP2")]
    pub photo: Option<Base64Binary>,
    /// `t:UserSMIMECertificate/t:Base64Binary`.
    #[xml(wrapper = "UserSMIMECertificate", item = "Base64Binary")]
    #[field(
        uri = "contacts:UserSMIMECertificate",
        read_only,
        since = "Exchange2010_SP2"
    )]
    pub user_smime_certificate: Vec<Base64Binary>,
    /// `t:MSExchangeCertificate/t:Base64Binary`.
    #[xml(wrapper = "MSExchangeCertificate", item = "Base64Binary")]
    #[field(
        uri = "contacts:MSExchangeCertificate",
        read_only,
        since = "Exchange2010_SP2"
    )]
    pub ms_exchange_certificate: Vec<Base64Binary>,
    /// `t:DirectoryId`: the directory object's id.
    #[field(uri = "contacts:DirectoryId", read_only, since = "Exchange2010_SP2")]
    pub directory_id: Option<String>,
    /// `t:ManagerMailbox/t:Mailbox`.
    #[xml(wrapper = "ManagerMailbox", item = "Mailbox")]
    #[field(uri = "contacts:ManagerMailbox", read_only, since = "Exchange2010_SP2")]
    pub manager_mailbox: Option<Mailbox>,
    /// `t:DirectReports/t:Mailbox`.
    #[xml(wrapper = "DirectReports", item = "Mailbox")]
    #[field(uri = "contacts:DirectReports", read_only, since = "Exchange2010_SP2")]
    pub direct_reports: Vec<Mailbox>,
    /// `t:AccountName` (Exchange Online).
    #[field(uri = "contacts:AccountName", read_only, since = "V2015_10_05")]
    pub account_name: Option<String>,
    /// `t:IsAutoUpdateDisabled` (Exchange Online).
    #[field(
        uri = "contacts:IsAutoUpdateDisabled",
        read_only,
        since = "V2015_10_05"
    )]
    pub is_auto_update_disabled: Option<bool>,
    /// `t:IsMessengerEnabled` (Exchange Online).
    #[field(uri = "contacts:IsMessengerEnabled", read_only, since = "V2015_10_05")]
    pub is_messenger_enabled: Option<bool>,
    /// `t:Comment` (Exchange Online).
    #[field(uri = "contacts:Comment", read_only, since = "V2015_10_05")]
    pub comment: Option<String>,
    /// `t:ContactShortId` (Exchange Online).
    #[field(uri = "contacts:ContactShortId", read_only, since = "V2015_10_05")]
    pub contact_short_id: Option<i32>,
    /// `t:ContactType` (Exchange Online).
    #[field(uri = "contacts:ContactType", read_only, since = "V2015_10_05")]
    pub contact_type: Option<String>,
    /// `t:Gender` (Exchange Online).
    #[field(uri = "contacts:Gender", read_only, since = "V2015_10_05")]
    pub gender: Option<String>,
    /// `t:IsHidden` (Exchange Online).
    #[field(uri = "contacts:IsHidden", read_only, since = "V2015_10_05")]
    pub is_hidden: Option<bool>,
    /// `t:ObjectId` (Exchange Online).
    #[field(uri = "contacts:ObjectId", read_only, since = "V2015_10_05")]
    pub object_id: Option<String>,
    /// `t:PassportId` (Exchange Online).
    #[field(uri = "contacts:PassportId", read_only, since = "V2015_10_05")]
    pub passport_id: Option<i64>,
    /// `t:IsPrivate` (Exchange Online).
    #[field(uri = "contacts:IsPrivate", read_only, since = "V2015_10_05")]
    pub is_private: Option<bool>,
    /// `t:SourceId` (Exchange Online).
    #[field(uri = "contacts:SourceId", read_only, since = "V2015_10_05")]
    pub source_id: Option<String>,
    /// `t:TrustLevel` (Exchange Online).
    #[field(uri = "contacts:TrustLevel", read_only, since = "V2015_10_05")]
    pub trust_level: Option<i32>,
    /// `t:CreatedBy` (Exchange Online).
    #[field(uri = "contacts:CreatedBy", read_only, since = "V2015_10_05")]
    pub created_by: Option<String>,
    /// `t:Urls`, kept whole (Exchange Online).
    #[cfg_attr(feature = "serde", serde(skip))]
    #[field(uri = "contacts:Urls", read_only, since = "V2015_10_05")]
    pub urls: Option<Element>,
    /// `t:Cid` (Exchange Online).
    #[field(uri = "contacts:Cid", read_only, since = "V2015_10_05")]
    pub cid: Option<i64>,
    /// `t:SkypeAuthCertificate` (Exchange Online).
    #[field(
        uri = "contacts:SkypeAuthCertificate",
        read_only,
        since = "V2015_10_05"
    )]
    pub skype_auth_certificate: Option<String>,
    /// `t:SkypeContext` (Exchange Online).
    #[field(uri = "contacts:SkypeContext", read_only, since = "V2015_10_05")]
    pub skype_context: Option<String>,
    /// `t:SkypeId` (Exchange Online).
    #[field(uri = "contacts:SkypeId", read_only, since = "V2015_10_05")]
    pub skype_id: Option<String>,
    /// `t:SkypeRelationship` (Exchange Online).
    #[field(uri = "contacts:SkypeRelationship", read_only, since = "V2015_10_05")]
    pub skype_relationship: Option<String>,
    /// `t:YomiNickname` (Exchange Online).
    #[field(uri = "contacts:YomiNickname", read_only, since = "V2015_10_05")]
    pub yomi_nickname: Option<String>,
    /// `t:XboxLiveTag` (Exchange Online).
    #[field(uri = "contacts:XboxLiveTag", read_only, since = "V2015_10_05")]
    pub xbox_live_tag: Option<String>,
    /// `t:InviteFree` (Exchange Online).
    #[field(uri = "contacts:InviteFree", read_only, since = "V2015_10_05")]
    pub invite_free: Option<bool>,
    /// `t:HidePresenceAndProfile` (Exchange Online).
    #[field(
        uri = "contacts:HidePresenceAndProfile",
        read_only,
        since = "V2015_10_05"
    )]
    pub hide_presence_and_profile: Option<bool>,
    /// `t:IsPendingOutbound` (Exchange Online).
    #[field(uri = "contacts:IsPendingOutbound", read_only, since = "V2015_10_05")]
    pub is_pending_outbound: Option<bool>,
    /// `t:SupportGroupFeeds` (Exchange Online).
    #[field(uri = "contacts:SupportGroupFeeds", read_only, since = "V2015_10_05")]
    pub support_group_feeds: Option<bool>,
    /// `t:UserTileHash` (Exchange Online).
    #[field(uri = "contacts:UserTileHash", read_only, since = "V2015_10_05")]
    pub user_tile_hash: Option<String>,
    /// `t:UnifiedInbox` (Exchange Online).
    #[field(uri = "contacts:UnifiedInbox", read_only, since = "V2015_10_05")]
    pub unified_inbox: Option<bool>,
    /// `t:Mris/t:String` (Exchange Online).
    #[xml(wrapper = "Mris", item = "String")]
    #[field(uri = "contacts:Mris", read_only, since = "V2015_10_05")]
    pub mris: Vec<String>,
    /// `t:Wlid` (Exchange Online).
    #[field(uri = "contacts:Wlid", read_only, since = "V2015_10_05")]
    pub wlid: Option<String>,
    /// `t:AbchContactId` (Exchange Online).
    #[field(uri = "contacts:AbchContactId", read_only, since = "V2015_10_05")]
    pub abch_contact_id: Option<String>,
    /// `t:NotInBirthdayCalendar` (Exchange Online).
    #[field(
        uri = "contacts:NotInBirthdayCalendar",
        read_only,
        since = "V2015_10_05"
    )]
    pub not_in_birthday_calendar: Option<bool>,
    /// `t:ShellContactType` (Exchange Online).
    #[field(uri = "contacts:ShellContactType", read_only, since = "V2015_10_05")]
    pub shell_contact_type: Option<String>,
    /// `t:ImMri` (Exchange Online).
    #[field(uri = "contacts:ImMri", read_only, since = "V2015_10_05")]
    pub im_mri: Option<String>,
    /// `t:PresenceTrustLevel` (Exchange Online).
    #[field(uri = "contacts:PresenceTrustLevel", read_only, since = "V2015_10_05")]
    pub presence_trust_level: Option<i32>,
    /// `t:OtherMri` (Exchange Online).
    #[field(uri = "contacts:OtherMri", read_only, since = "V2015_10_05")]
    pub other_mri: Option<String>,
    /// `t:ProfileLastChanged` (Exchange Online).
    #[field(uri = "contacts:ProfileLastChanged", read_only, since = "V2015_10_05")]
    pub profile_last_changed: Option<String>,
    /// `t:MobileIMEnabled` (Exchange Online).
    #[xml(name = "MobileIMEnabled")]
    #[field(uri = "contacts:MobileIMEnabled", read_only, since = "V2015_10_05")]
    pub mobile_im_enabled: Option<bool>,
    /// `t:PartnerNetworkProfilePhotoUrl` (Exchange Online).
    #[field(
        uri = "contacts:PartnerNetworkProfilePhotoUrl",
        read_only,
        since = "V2015_10_05"
    )]
    pub partner_network_profile_photo_url: Option<String>,
    /// `t:PartnerNetworkThumbnailPhotoUrl` (Exchange Online).
    #[field(
        uri = "contacts:PartnerNetworkThumbnailPhotoUrl",
        read_only,
        since = "V2015_10_05"
    )]
    pub partner_network_thumbnail_photo_url: Option<String>,
    /// `t:PersonId` (Exchange Online).
    #[field(uri = "contacts:PersonId", read_only, since = "V2015_10_05")]
    pub person_id: Option<String>,
    /// `t:ConversationGuid` (Exchange Online).
    #[field(uri = "contacts:ConversationGuid", read_only, since = "V2015_10_05")]
    pub conversation_guid: Option<String>,
}
