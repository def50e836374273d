import { describe, expect, it } from "vitest";
import { defaultModel } from "./registry";
import { isVizierError } from "./errors";

describe("registry", () => {
  const model = defaultModel();

  it("has every schema the foundation needs", () => {
    for (const s of ["Person", "Organization", "Company", "LegalEntity", "Address", "BankAccount", "CryptoWallet", "Vessel", "Vehicle",
      "Airplane", "Identification", "Passport", "Ownership", "Directorship", "Membership", "Employment", "Family", "Associate",
      "Representation", "UnknownLink", "Payment", "Event", "Shipment", "Seizure", "Communication"]) {
      expect(model.hasSchema(s), s).toBe(true);
    }
  });

  it("resolves inherited properties and ancestry", () => {
    const company = model.getSchema("Company");
    expect(company.isA("LegalEntity")).toBe(true);
    expect(company.isA("Thing")).toBe(true);
    expect(company.getProperty("name").type).toBe("name");
    expect(model.getSchema("Payment").getProperty("amount").type).toBe("number");
    expect(model.getSchema("BankAccount").getProperty("iban").format).toBe("iban");
  });

  it("throws typed errors on typos instead of returning nothing", () => {
    try { model.getSchema("Persn"); expect.unreachable(); } catch (e) { expect(isVizierError(e, "UNKNOWN_SCHEMA")).toBe(true); }
    try { model.getSchema("Person").getProperty("nmae"); expect.unreachable(); } catch (e) { expect(isVizierError(e, "UNKNOWN_PROPERTY")).toBe(true); }
  });

  it("names close properties and lists the schema's own when a property is unknown", () => {
    const message = (schema: string, prop: string) => {
      try { model.getSchema(schema).getProperty(prop); } catch (e) { return (e as Error).message; }
      throw new Error(`${schema}.${prop} exists`);
    };
    expect(message("Person", "nmae")).toContain('(did you mean name?)');
    expect(message("Person", "birthdate")).toContain("did you mean birthDate");
    const m = message("Communication", "count");
    expect(m).toMatch(/^schema Communication has no property "count"; its properties: /);
    expect(m).toContain("caller, callerAccount, callerNumber");
    // Reverse stubs cannot be mapped, so they are not offered.
    expect(message("Person", "xyz")).not.toMatch(/shipmentsReceived/);
  });

  it("adds reverse properties for extension schemata", () => {
    const shipment = model.getSchema("Shipment");
    expect(shipment.getProperty("consignee").range).toBe("LegalEntity");
    expect(model.getSchema("LegalEntity").getProperty("shipmentsReceived").range).toBe("Shipment");
    expect(model.getSchema("Person").hasProperty("shipmentsReceived")).toBe(true);
    expect(model.getSchema("Communication").edge?.source).toBe("caller");
  });
});
