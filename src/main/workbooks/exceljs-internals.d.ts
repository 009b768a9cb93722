// The parts of exceljs 4.4.0 (pinned in package.json) that xlsx-write.ts drives directly: its own
// writer's steps, style manager and shared strings, so that everything but the rows is exceljs's.
declare module 'exceljs/lib/xlsx/xform/sheet/worksheet-xform' {
  export default class WorksheetXform {
    prepare(model: object, options: object): void;
    render(xmlStream: object, model: object): void;
  }
}
declare module 'exceljs/lib/xlsx/xform/book/workbook-xform' {
  export default class WorkbookXform {
    prepare(model: object): void;
  }
}
declare module 'exceljs/lib/xlsx/xform/strings/shared-strings-xform' {
  export default class SharedStringsXform {
    add(value: string): number;
    readonly count: number;
  }
}
declare module 'exceljs/lib/xlsx/xform/style/styles-xform' {
  export default class StylesXform {
    constructor(initialise: boolean);
    addStyleModel(model: object | undefined, cellType?: number): number;
  }
}
declare module 'exceljs/lib/utils/xml-stream' {
  export default class XmlStream {
    readonly xml: string;
  }
}
declare module 'exceljs/lib/utils/utils' {
  export function xmlEncode(text: string): string;
}
declare module 'exceljs/lib/doc/column' {
  export default class Column {
    static toModel(columns: unknown): object[] | undefined;
  }
}
