import { accessMatrix } from "./matrix";

accessMatrix("visitor");
