import { accessMatrix } from "./matrix";

accessMatrix("coordinator");
