import {
  figureCatalogue,
  figureCodes,
  type FigureCatalogueResponse,
  figureDimensionLabels,
  figureDimensions,
  figureUnitLabels,
} from '@sunlight/contracts';

/** The catalogue as GET /api/figures/catalogue answers it: every figure in catalogue order, with its rule. */
export function figureCatalogueResponse(): FigureCatalogueResponse {
  return {
    figures: figureCodes.map((code) => {
      const f = figureCatalogue[code];
      return {
        code,
        label: f.label,
        unit: f.unit,
        unitLabel: figureUnitLabels[f.unit],
        rule: f.rule,
        breakdowns: [...f.breakdowns],
        ...(f.ratioOf ? { ratioOf: f.ratioOf } : {}),
      };
    }),
    dimensions: figureDimensions.map((code) => ({ code, label: figureDimensionLabels[code] })),
  };
}
