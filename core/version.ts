import pkg from '../package.json';

export const PRODUCT_NAME: string = pkg.productName;
export const APP_VERSION: string = pkg.version;
