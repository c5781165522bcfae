//! What the national templates print around the numbers, as far as reading
//! a table needs it: the ordinal each row label carries.

use crate::ast::RequestsRowKey;
use crate::grammar::label::Ordinal;

/// The ordinal the templates print in a table 3 row label (`一、`, `（二）`,
/// `3.`), the same in both templates.
pub fn requests_ordinal(key: RequestsRowKey) -> Ordinal {
    use Ordinal::{Item, Paren, Top};
    use RequestsRowKey::*;
    match key {
        NewReceived => Top(1),
        CarriedOver => Top(2),
        Granted => Paren(1),
        Partial => Paren(2),
        DeniedStateSecret => Item(1),
        DeniedLawProhibited => Item(2),
        DeniedThreeSecurity => Item(3),
        DeniedThirdParty => Item(4),
        DeniedInternalAffairs => Item(5),
        DeniedProcessInfo => Item(6),
        DeniedEnforcementFile => Item(7),
        DeniedAdminQuery => Item(8),
        UnableNotHeld => Item(1),
        UnableNeedsCreation => Item(2),
        UnableUnclear => Item(3),
        NotProcessedPetition => Item(1),
        NotProcessedDuplicate => Item(2),
        NotProcessedPublication => Item(3),
        NotProcessedMassive => Item(4),
        NotProcessedConfirm => Item(5),
        Other => Paren(6),
        OtherNoCorrection => Item(1),
        OtherFeeUnpaid => Item(2),
        OtherOther => Item(3),
        TotalProcessed => Paren(7),
        CarriedForward => Top(4),
    }
}
