/** ISO 28560-2 relative OIDs (data elements) as libraries use them. */
export const Oid = {
  primaryItemId: 1,
  contentParameter: 2,
  ownerIsil: 3,
  setInformation: 4,
  typeOfUsage: 5,
  shelfLocation: 6,
  onixMediaFormat: 7,
  marcMediaFormat: 8,
  supplierId: 9,
  orderNumber: 10,
  illBorrowingIsil: 11,
  illBorrowingTransaction: 12,
  gs1ProductId: 13,
  alternativeUniqueItemId: 14,
  localDataA: 15,
  localDataB: 16,
  title: 17,
  productIdLocal: 18,
  mediaFormatOther: 19,
  supplyChainStage: 20,
  supplierInvoiceNumber: 21,
  alternativeItemId: 22,
  alternativeOwnerIsil: 23,
  subsidiaryOfOwner: 24,
  alternativeIllBorrowingInstitution: 25,
  localDataC: 26,
} as const;

export type OidName = keyof typeof Oid;
export const OID_NAMES = Object.fromEntries(Object.entries(Oid).map(([k, v]) => [v, k])) as Record<number, OidName>;
/** 27..31 are reserved. */
export const MAX_OID = 26;
