// The open-source image module ships without types: the part of its API the engine uses.
declare module 'docxtemplater-image-module-free' {
  interface ImageModuleOptions<V> {
    centered?: boolean;
    getImage: (value: V, tagName: string) => Buffer | Uint8Array;
    getSize: (image: Buffer | Uint8Array, value: V, tagName: string) => [number, number];
  }
  export default class ImageModule<V = unknown> {
    constructor(options: ImageModuleOptions<V>);
  }
}
