//! `GetItem`, and the projection of an item onto the requested shape.

use ews_model::operations::{GetItem, GetItemResponse, ItemInfoResponseMessage, MessageStatus};

use super::Ctx;
use super::ids::Target;
use crate::mailbox::Mailbox;
use crate::mailbox::shape::Projection;

impl Mailbox {
    pub(super) fn projection(
        &self,
        shape: &ews_model::operations::ItemShape,
        find: bool,
        ctx: &Ctx,
    ) -> Result<Projection, MessageStatus> {
        Projection::new(shape, find, ctx.version)
    }

    pub(crate) fn get_item(&self, req: &GetItem, ctx: &Ctx) -> GetItemResponse {
        let projection = match self.projection(&req.item_shape, false, ctx) {
            Ok(p) => p,
            Err(status) => {
                return GetItemResponse::new(
                    req.item_ids
                        .iter()
                        .map(|_| ItemInfoResponseMessage::error(status.clone()))
                        .collect(),
                );
            }
        };
        GetItemResponse::new(
            req.item_ids
                .iter()
                .map(|id| match self.resolve_item(id) {
                    Ok(t) => {
                        let mut item = projection.apply(self.full_target(t), &req.item_shape);
                        let root = match t {
                            Target::Item(i) => i,
                            Target::Occurrence { master, .. } => master,
                        };
                        self.present_attachments(&mut item, root);
                        ItemInfoResponseMessage::success(item)
                    }
                    Err(s) => ItemInfoResponseMessage::error(s),
                })
                .collect(),
        )
    }
}
