/** Mappings for the files foreign partners hand over through liaison officers. */

export const BE_MAPPING = `# Belgian Federal Judicial Police: seizures in the port of Antwerp (via the liaison officer).
# Semicolon-separated, dates dd/mm/jjjj, Flemish headers.
be_fgp_inbeslagnames:
  queries:
    - entities:
        afzender:
          schema: Company
          keys: [afzender]
          key_literal: afzender
          properties:
            name: { column: afzender }
        bestemmeling:
          schema: Company
          keys: [bestemmeling]
          key_literal: bestemmeling
          properties:
            name: { column: bestemmeling }
        zending:
          schema: Shipment
          keys: [container, cognossement]
          properties:
            containerNumber: { column: container }
            billOfLading: { column: cognossement }
            goodsDescription: { column: aangegeven_goederen }
            portOfDischarge: { literal: Antwerpen }
            consignor: { entity: afzender }
            consignee: { entity: bestemmeling }
        beslag:
          schema: Seizure
          keys: [pv_nummer]
          properties:
            name: { column: goederen }
            goodsKind: { column: goederen }
            quantity: { column: gewicht_kg }
            unit: { literal: kg }
            place: { literal: "Haven van Antwerpen" }
            date: { column: datum, format: "%d/%m/%Y" }
            caseReference: { column: pv_nummer }
            description: { column: opmerking }
            shipment: { entity: zending }
`;

export const CO_MAPPING = `# Policía Nacional de Colombia (DIJIN), via the liaison officer: persons of interest.
# Windows-1252, comma-separated, dates dd/mm/aaaa, Spanish headers.
co_dijin_personas:
  queries:
    - entities:
        persona:
          schema: Person
          keys: [cedula]
          properties:
            name: { template: "{{nombres}} {{apellidos}}" }
            firstName: { column: nombres }
            lastName: { column: apellidos }
            birthDate: { column: fecha_nacimiento, format: "%d/%m/%Y" }
            idNumber: { column: cedula }
            alias: { column: alias }
            phone: { column: telefono }
            nationality: { literal: CO }
            notes: { column: anotacion }
        organizacion:
          schema: Organization
          keys: [organizacion]
          properties:
            name: { column: organizacion, required: true }
        miembro:
          schema: Membership
          keys: [cedula, organizacion]
          properties:
            member: { entity: persona }
            organization: { entity: organizacion, required: true }
`;

export const AE_MAPPING = `# UAE company register extract (via the liaison officer): comma-separated, US dates (mm/dd/yyyy).
ae_register:
  queries:
    - entities:
        company:
          schema: Company
          keys: [license_no]
          properties:
            name: { column: company_name }
            legalForm: { column: legal_form }
            registrationNumber: { column: license_no }
            incorporationDate: { column: issue_date, format: "%m/%d/%Y" }
            address: { column: emirate }
            sector: { column: activity }
            jurisdiction: { literal: AE }
        manager:
          schema: Person
          keys: [manager_name, manager_passport]
          key_literal: manager
          properties:
            name: { column: manager_name }
            nationality: { column: manager_nationality }
            passportNumber: { column: manager_passport }
        management:
          schema: Directorship
          keys: [license_no, manager_name]
          properties:
            organization: { entity: company }
            director: { entity: manager }
            role: { literal: manager }
        partner:
          schema: Person
          keys: [partner_name, partner_nationality]
          key_literal: partner
          properties:
            name: { column: partner_name, required: true }
            nationality: { column: partner_nationality }
        share:
          schema: Ownership
          keys: [license_no, partner_name]
          properties:
            asset: { entity: company }
            owner: { entity: partner, required: true }
            role: { literal: partner }
`;
