/** FtM/Aleph mappings for the Customs files. */

export const DECLARATIONS_MAPPING = `# Customs import declarations (one container per declaration): comma-separated, every field
# quoted, ISO dates. Consignors are keyed on name and country as declared, consignees on EORI.
douane_aangiften:
  queries:
    - entities:
        afzender:
          schema: Company
          keys: [consignor_name, consignor_country]
          key_literal: consignor
          properties:
            name: { column: consignor_name }
            country: { column: consignor_country }
            address: { column: consignor_address }
        ontvanger:
          schema: Company
          keys: [consignee_eori]
          key_literal: consignee
          properties:
            name: { column: consignee_name }
            idNumber: { column: consignee_eori }
            address: { column: consignee_address }
            country: { literal: NL }
        notify:
          schema: Company
          keys: [notify_party]
          key_literal: notify
          properties:
            name: { column: notify_party, required: true }
        rederij:
          schema: Company
          keys: [carrier]
          key_literal: carrier
          properties:
            name: { column: carrier }
        zending:
          schema: Shipment
          keys: [declaration_no]
          key_literal: zending
          properties:
            declarationNumber: { column: declaration_no }
            billOfLading: { column: bl_number }
            containerNumber: { column: container_no }
            hsCode: { column: hs_code }
            goodsDescription: { column: goods }
            grossWeight: { column: gross_kg }
            portOfLoading: { column: port_of_loading }
            portOfTransit: { column: port_of_transit }
            portOfDischarge: { column: port_of_discharge }
            countryOfOrigin: { column: origin_country }
            departureDate: { column: departure }
            arrivalDate: { column: arrival }
            scanImage: { column: scan_image }
            consignor: { entity: afzender }
            consignee: { entity: ontvanger }
            notifyParty: { entity: notify }
            carrier: { entity: rederij }
`;

export const SEIZURES_MAPPING = `# Customs seizures: semicolon-separated, Dutch dates. The shipment is the declaration's
# (same dataset and keys as aangiften.mapping.yml, so both files describe one Shipment).
douane_inbeslagnames:
  queries:
    - entities:
        zending:
          schema: Shipment
          keys: [aangiftenummer]
          key_literal: zending
          properties:
            declarationNumber: { column: aangiftenummer }
            containerNumber: { column: container }
        verdachte:
          schema: LegalEntity
          keys: [verdachte_naam]
          key_literal: verdachte
          properties:
            name: { column: verdachte_naam, required: true }
        beslag:
          schema: Seizure
          keys: [zaaknummer]
          properties:
            name: { column: goederen }
            goodsKind: { column: goederen }
            quantity: { column: hoeveelheid }
            unit: { column: eenheid }
            place: { column: plaats }
            date: { column: datum, format: "%d-%m-%Y" }
            caseReference: { column: zaaknummer }
            shipment: { entity: zending }
            suspect: { entity: verdachte }
`;
